import { z } from 'zod';
import type { ZApp } from '../http/types';
import { callerOf } from '../http/util';
import type { Platform } from '../kernel';
import { regionInScope } from '../scope';

type TreeNode = { code: string; name: string; level: string; children: TreeNode[] };
const ZTree: z.ZodType<TreeNode> = z.lazy(() => z.object({ code: z.string(), name: z.string(), level: z.string(), children: z.array(ZTree) })).meta({ id: 'RegionTreeNode' });

export async function regionRoutes(app: ZApp, platform: Platform): Promise<void> {
  const current = () => platform.regions.rows().filter((r) => !r.validTo);

  app.get('/regions', {
    config: { permission: 'authenticated' },
    schema: {
      tags: ['regions'],
      summary: '行政区划（GB/T 2260） Regions',
      querystring: z.object({ parentCode: z.string().max(12).optional(), includeRetired: z.coerce.boolean().optional() }),
      response: { 200: z.array(z.object({ code: z.string(), name: z.string(), level: z.string(), parentCode: z.string().nullable(), validFrom: z.string(), validTo: z.string().nullable(), replacedBy: z.string().nullable() })) },
    },
    handler: async (req) => {
      const rows = req.query.includeRetired ? platform.regions.rows() : current();
      return rows
        .filter((r) => req.query.parentCode === undefined || r.parentCode === req.query.parentCode)
        .map((r) => ({ code: r.code, name: r.name, level: r.level, parentCode: r.parentCode, validFrom: r.validFrom, validTo: r.validTo, replacedBy: r.replacedBy }));
    },
  });

  app.get('/regions/tree', {
    config: { permission: 'authenticated', allowPending: true },
    schema: { tags: ['regions'], summary: '数据权限内的地区树 Region tree within scope', response: { 200: z.array(ZTree) } },
    handler: async (req) => {
      const c = callerOf(req);
      const rows = current();
      const byParent = new Map<string | null, typeof rows>();
      for (const r of rows) {
        const list = byParent.get(r.parentCode) ?? [];
        list.push(r);
        byParent.set(r.parentCode, list);
      }
      const build = (code: string): TreeNode => {
        const r = platform.regions.index.get(code)!;
        return { code: r.code, name: r.name, level: r.level, children: (byParent.get(code) ?? []).map((k) => build(k.code)) };
      };
      // Roots: the highest regions inside the scope (whose parent is outside it).
      const inScope = rows.filter((r) => regionInScope(c.scope, r.code));
      const roots = inScope.filter((r) => !r.parentCode || !regionInScope(c.scope, r.parentCode));
      return roots.map((r) => build(r.code));
    },
  });
}
