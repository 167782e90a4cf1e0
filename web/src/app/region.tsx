// The region chosen in the header. List pages send it as `regionCode`; the server then
// narrows the list to that region and everything below it, within the user's scope.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { findRegion, useRegionTree } from '../ui/RegionSelect';
import { useAuth } from './auth';

const storageKey = 'renshe.region';

type RegionContextValue = {
  /** The chosen region, or undefined for the whole scope. */
  regionCode: string | undefined;
  regionName: string | undefined;
  setRegionCode: (code: string | undefined) => void;
};

const RegionContext = createContext<RegionContextValue>({
  regionCode: undefined,
  regionName: undefined,
  setRegionCode: () => undefined,
});

function storedRegion(userId: number | undefined): string | undefined {
  if (userId === undefined) return undefined;
  try {
    const raw = sessionStorage.getItem(storageKey);
    if (!raw) return undefined;
    const parsed = JSON.parse(raw) as { userId?: number; code?: string };
    return parsed.userId === userId ? parsed.code : undefined;
  } catch {
    return undefined;
  }
}

export function RegionProvider({ children }: { children: ReactNode }) {
  const { me } = useAuth();
  const userId = me?.id;
  const [choice, setChoice] = useState<{ userId: number | undefined; code: string | undefined }>(() => ({
    userId,
    code: storedRegion(userId),
  }));
  // A different user signed in: start from their stored choice, not the previous user's.
  const code = choice.userId === userId ? choice.code : storedRegion(userId);

  const tree = useRegionTree();
  const node = findRegion(tree.data, code);

  const setRegionCode = useCallback(
    (next: string | undefined) => {
      setChoice({ userId, code: next });
      try {
        if (next && userId !== undefined) sessionStorage.setItem(storageKey, JSON.stringify({ userId, code: next }));
        else sessionStorage.removeItem(storageKey);
      } catch {
        // storage unavailable: the choice lasts for this page only
      }
    },
    [userId],
  );

  // A stored region that is no longer in the user's scope tree is dropped.
  useEffect(() => {
    if (code && tree.data && !node) setRegionCode(undefined);
  }, [code, tree.data, node, setRegionCode]);

  const value = useMemo<RegionContextValue>(
    () => ({ regionCode: node ? code : undefined, regionName: node?.name, setRegionCode }),
    [code, node, setRegionCode],
  );
  return <RegionContext.Provider value={value}>{children}</RegionContext.Provider>;
}

export function useRegion(): RegionContextValue {
  return useContext(RegionContext);
}
