// Region picker over the caller's scope tree (GET /regions/tree). The server only returns the
// regions the user may see, so every choice here is inside the user's data scope.
import { useMemo } from 'react';
import { TreeSelect } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { api } from '../app/api';
import { useI18n } from '../app/i18n';

export type RegionLevel = 'province' | 'city' | 'county' | 'township';
export type RegionNode = { code: string; name: string; level: RegionLevel; children?: RegionNode[] };

export const regionTreeQueryKey = ['regions', 'tree'] as const;

export function useRegionTree() {
  return useQuery({
    queryKey: regionTreeQueryKey,
    queryFn: ({ signal }) => api.get<RegionNode[]>('/regions/tree', undefined, signal),
    staleTime: 10 * 60_000,
  });
}

/** Depth-first search of the tree for one code. */
export function findRegion(tree: RegionNode[] | undefined, code: string | undefined): RegionNode | undefined {
  if (!tree || !code) return undefined;
  for (const node of tree) {
    if (node.code === code) return node;
    const found = findRegion(node.children, code);
    if (found) return found;
  }
  return undefined;
}

type TreeOption = { value: string; title: string; children?: TreeOption[] };

function toOptions(nodes: RegionNode[]): TreeOption[] {
  return nodes.map((node) => ({
    value: node.code,
    title: node.name,
    children: node.children && node.children.length > 0 ? toOptions(node.children) : undefined,
  }));
}

type SingleProps = { multiple?: false; value?: string | null; onChange?: (value: string | undefined) => void };
type MultipleProps = { multiple: true; value?: string[]; onChange?: (value: string[]) => void };

export type RegionSelectProps = (SingleProps | MultipleProps) & {
  placeholder?: string;
  allowClear?: boolean;
  disabled?: boolean;
  style?: React.CSSProperties;
  id?: string;
  'data-testid'?: string;
};

export function RegionSelect(props: RegionSelectProps) {
  const { t } = useI18n();
  const tree = useRegionTree();
  const options = useMemo(() => toOptions(tree.data ?? []), [tree.data]);
  const firstLevel = useMemo(() => (tree.data ?? []).map((node) => node.code), [tree.data]);
  const common = {
    id: props.id,
    'data-testid': props['data-testid'],
    treeData: options,
    loading: tree.isLoading,
    disabled: props.disabled,
    allowClear: props.allowClear ?? true,
    showSearch: true,
    treeNodeFilterProp: 'title',
    treeDefaultExpandedKeys: firstLevel,
    placeholder: props.placeholder ?? t('regionPlaceholder'),
    style: { minWidth: 200, ...props.style },
    popupMatchSelectWidth: false,
    status: tree.isError ? ('error' as const) : undefined,
  };
  if (props.multiple) {
    const { onChange } = props;
    return (
      <TreeSelect<string[]>
        {...common}
        multiple
        value={props.value}
        onChange={(value) => onChange?.(value ?? [])}
      />
    );
  }
  const { onChange } = props;
  return (
    <TreeSelect<string>
      {...common}
      value={props.value ?? undefined}
      onChange={(value) => onChange?.(value ?? undefined)}
    />
  );
}
