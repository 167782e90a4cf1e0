// The region tree held in memory (a few hundred rows) and kept in the database for joins.
import { sql } from 'drizzle-orm';
import type { Db } from '../db';
import { regions } from '../schema';
import { buildRegionIndex, loadHainanRegions, toRegionRow, type RegionIndex as TreeIndex, type RegionRow } from './tree';

export type RegionIndex = TreeIndex;

export type RegionService = {
  index: RegionIndex;
  /** The code, every code below it, retired codes included (for scope and filters). */
  expand(code: string): string[];
  name(code: string | null | undefined): string | null;
  rows(): RegionRow[];
};

function codeOf(r: RegionRow | string): string {
  return typeof r === 'string' ? r : r.code;
}

export function regionService(rows: RegionRow[]): RegionService {
  const index = buildRegionIndex(rows);
  const cache = new Map<string, string[]>();
  return {
    index,
    expand(code) {
      let hit = cache.get(code);
      if (!hit) {
        hit = index.get(code) ? (index.descendants(code, { includeSelf: true }) as (RegionRow | string)[]).map(codeOf) : [];
        cache.set(code, hit);
      }
      return hit;
    },
    name(code) {
      return code ? (index.get(code)?.name ?? null) : null;
    },
    rows: () => rows,
  };
}

/** Loads the reference tree into the table on first start (idempotent: upsert by code). */
export async function seedRegions(db: Db): Promise<RegionRow[]> {
  const rows = loadHainanRegions();
  const index = buildRegionIndex(rows);
  const values = rows.map((r) => ({
    code: r.code,
    name: r.name,
    level: r.level,
    kind: r.kind,
    parentCode: r.parentCode,
    path: index.path(r.code).join('.'),
    validFrom: r.validFrom,
    validTo: r.validTo,
    replacedBy: r.replacedBy,
  }));
  for (let i = 0; i < values.length; i += 200) {
    await db
      .insert(regions)
      .values(values.slice(i, i + 200))
      .onConflictDoUpdate({
        target: regions.code,
        set: {
          name: sql`excluded.name`,
          level: sql`excluded.level`,
          kind: sql`excluded.kind`,
          parentCode: sql`excluded.parent_code`,
          path: sql`excluded.path`,
          validFrom: sql`excluded.valid_from`,
          validTo: sql`excluded.valid_to`,
          replacedBy: sql`excluded.replaced_by`,
        },
      });
  }
  return rows;
}

export async function loadRegions(db: Db): Promise<RegionRow[]> {
  const rs = await db.select().from(regions);
  return rs.map(({ path: _path, ...r }) => toRegionRow(r));
}
