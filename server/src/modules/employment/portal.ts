// Public vacancy search (公共招聘门户, no staff login). Open vacancies are public adverts;
// only advert fields leave the server. Chinese queries are split into words with
// Intl.Segmenter ("海口厨师包住" → 海口 / 厨师 / 包住); words naming a place (by name, with or
// without 市/县/区/镇, or by code) become a location filter, the rest must each appear in
// the title, description, employer or occupation; a number is the monthly pay wanted.
import { and, eq, gte, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import { AppError } from '../../platform/errors';
import type { Platform } from '../../platform/kernel';
import { systemScope } from '../../platform/scope';
import { employers } from '../registry';
import { chinaToday } from './codes';
import { mediumGroups, nameOfOccupation, occupationNames } from './occupations';
import { jobVacancies as v } from './schema';

const segmenter = new Intl.Segmenter('zh-CN', { granularity: 'word' });

/** Word-like segments of a query, de-duplicated, at most 8. */
export function queryWords(q: string): string[] {
  const words: string[] = [];
  for (const s of segmenter.segment(q.normalize('NFKC').toLowerCase())) {
    const w = s.segment.trim();
    if (s.isWordLike && w && !words.includes(w)) words.push(w);
  }
  return words.slice(0, 8);
}

const PAY_WORDS = new Set(['月薪', '工资', '薪资', '薪水', '待遇', '以上', '左右']);

const SUFFIX = /(省|市|县|区|镇|乡|黎族自治县|黎族苗族自治县|自治县)$/;

/** A place named by code or name (full or without its suffix): its current code, else null. */
export function placeResolver(platform: Platform): (word: string) => string | null {
  const byName = new Map<string, string | null>();
  const add = (name: string, code: string) => byName.set(name, byName.has(name) && byName.get(name) !== code ? null : code);
  for (const r of platform.regions.rows()) {
    if (r.validTo) continue;
    add(r.name, r.code);
    const short = r.name.replace(SUFFIX, '');
    if (short.length >= 2 && short !== r.name) add(short, r.code);
  }
  return (w) => (platform.regions.index.isCurrent(w) ? w : (byName.get(w) ?? null));
}

export type PortalQuery = { q?: string; occupation?: string; region?: string; id?: number; page: number; pageSize: number };

export async function searchPublicVacancies(platform: Platform, query: PortalQuery, today = chinaToday()) {
  const place = placeResolver(platform);
  const words = queryWords(query.q ?? '');
  const places = words.map(place).filter((c): c is string => !!c);
  // A number reads as the monthly pay wanted (月薪5000 → at least 5,000 yuan); pay words and
  // single characters (包, 的) are too weak to require.
  const pay = words.map(Number).filter((n) => Number.isInteger(n) && n >= 500 && n <= 100_000);
  const textWords = words.filter((w) => !place(w) && !/^\d+$/.test(w) && w.length > 1 && !PAY_WORDS.has(w));
  const regionCode = query.region ? place(query.region.trim()) : null;
  if (query.region && !regionCode) throw new AppError('VALIDATION', { zh: `找不到地区“${query.region}”`, en: `no region "${query.region}"`, fields: [{ field: 'region', zh: `找不到地区“${query.region}”`, en: `no region "${query.region}"` }] });
  const areas = [...places, ...(regionCode ? [regionCode] : [])];
  const esc = (w: string) => `%${w.replace(/[%_\\]/g, (m) => `\\${m}`)}%`;
  const conds: (SQL | undefined)[] = [eq(v.status, 'open'), gte(v.expiresOn, today), systemScope()];
  if (areas.length) conds.push(inArray(v.regionCode, [...new Set(areas.flatMap((a) => platform.regions.expand(a)))]));
  if (query.id) conds.push(eq(v.id, query.id));
  if (pay.length) conds.push(gte(v.salaryMax, Math.max(...pay) * 100));
  if (query.occupation) conds.push(sql`${v.occupationCode} like ${`${query.occupation.replace(/[%_\\]/g, '')}%`}`);
  const names = await occupationNames(platform.db);
  for (const w of textWords) {
    // A loaded occupation or a medium group whose name holds the word matches too (餐饮 → 4-03 住宿和餐饮服务人员).
    const occCodes = [...names.entries()].filter(([, o]) => o.name.includes(w)).map(([c]) => c);
    const groupCodes = mediumGroups.filter((g) => g.name.includes(w)).map((g) => g.code);
    conds.push(
      or(ilike(v.title, esc(w)), ilike(v.description, esc(w)), ilike(employers.name, esc(w)), occCodes.length ? inArray(v.occupationCode, occCodes) : undefined, groupCodes.length ? inArray(v.occMedium, groupCodes) : undefined),
    );
  }
  const where = and(...conds)!;
  // Words in the title rank first (no words: newest first; a bare `order by 0` would name a column position).
  const order = textWords.length ? [sql`${sql.join(textWords.map((w) => sql`(case when ${v.title} ilike ${esc(w)} then 1 else 0 end)`), sql` + `)} desc`, sql`${v.id} desc`] : [sql`${v.id} desc`];
  const [rows, [{ total }]] = await Promise.all([
    platform.db
      .select({
        id: v.id,
        title: v.title,
        employerName: employers.name,
        occupationCode: v.occupationCode,
        regionCode: v.regionCode,
        salaryMin: v.salaryMin,
        salaryMax: v.salaryMax,
        education: v.education,
        openings: sql<number>`${v.headcount} - ${v.filled}`,
        expiresOn: v.expiresOn,
        description: v.description,
      })
      .from(v)
      .innerJoin(employers, eq(employers.id, v.employerId))
      .where(where)
      .orderBy(...order)
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    platform.db.select({ total: sql<number>`count(*)::int` }).from(v).innerJoin(employers, eq(employers.id, v.employerId)).where(where),
  ]);
  return {
    words,
    places: places.map((c) => ({ code: c, name: platform.regions.name(c) })),
    items: rows.map((r) => ({ ...r, openings: Number(r.openings), occupationName: nameOfOccupation(names, r.occupationCode), regionName: platform.regions.name(r.regionCode), description: r.description.slice(0, 300) })),
    total: Number(total),
    page: query.page,
    pageSize: query.pageSize,
  };
}
