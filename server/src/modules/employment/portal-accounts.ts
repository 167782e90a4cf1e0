// Employment on the signed-in portal (个人求职 / 单位招聘): a job seeker's own profile, matches,
// applications and who viewed the profile; an employer's own vacancies, its candidates and the
// applications to its vacancies, with outcomes.
//
// A portal account holds no region scope (platform/portal/service.ts). Its rows are found by
// the subject the session names — the person's seeker profile and placements, the employer's
// vacancies and the placements to them — and then the module's own functions (profiles.ts,
// matching.ts, placements.ts) run with a Ctx whose scope is exactly the regions of those rows
// (`actingFor`). So validation, de-duplication, matching and the hire that registers the
// employment are the staff ones, and a filter missed here could not reach beyond the
// subject's own regions. The lookups by subject read with systemScope(): the session, not a
// region, is what entitles the holder to their own rows.
//
// One exception: an employer's candidates range over active seekers of the whole province (as
// a seeker's matches range over every open vacancy; location is part of the score). Only
// masked fields of them leave: masked name, age band, county, education, skills, desired
// occupations, availability — never the ID number, phone, gender, ethnicity, hukou or
// disability. Opening a candidate's card is logged as a profile view the seeker sees.
import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Caller } from '../../platform/auth/service';
import { maskName } from '../../platform/crypto';
import { AppError } from '../../platform/errors';
import type { Platform } from '../../platform/kernel';
import { scopeWhere, systemScope } from '../../platform/scope';
import { subjectScope } from '../../platform/portal';
import { users } from '../../platform/schema';
import { employers, persons } from '../registry';
import { chinaToday } from './codes';
import type { Ctx } from './context';
import { matchSeekersForVacancy, matchVacanciesForSeeker, scorePair } from './matching';
import { nameOfOccupation, occupationNames } from './occupations';
import { listPlacements, recordOutcome, createPlacement, type PlacementStatus } from './placements';
import { createSeeker, createVacancy, getSeeker, getVacancy, listVacancies, logProfileView, updateSeeker, updateVacancy, type SeekerInput, type VacancyInput, type VacancyQuery } from './profiles';
import { jobPlacements, jobSeekers, jobVacancies, seekerProfileViews } from './schema';

/** How many matches and candidates the portal shows. */
export const PORTAL_TOP = 20;

/** The signed-in portal account and the registry id it acts about (portalSubjectOf). */
export type PortalCtx = { platform: Platform; caller: Caller; subjectId: number };

/** The module's functions, acting for the portal account over exactly these regions. */
function actingFor(pc: PortalCtx, regions: Iterable<string | null | undefined>): Ctx {
  return { platform: pc.platform, caller: { ...pc.caller, scope: subjectScope(regions) } };
}

/** The pool of an employer's candidates: active seekers anywhere (see the head of this file). */
function candidatePool(pc: PortalCtx): Ctx {
  return { platform: pc.platform, caller: { ...pc.caller, scope: { all: true, regionCodes: new Set(), selfUserId: null, kind: 'all' } } };
}

const needProfile = () =>
  new AppError('INVALID_STATE', { zh: '请先填写并保存您的求职信息', en: 'Fill in and save your job-seeker profile first', fields: [{ field: 'profile', zh: '请先填写求职信息', en: 'profile required' }] });

// ---- the job seeker ------------------------------------------------------------------------

type PersonSide = { ctx: Ctx; personId: number; personRegion: string; seeker: { id: number; regionCode: string; version: number; status: string } | null };

/** The person's region, own seeker profile, and the regions of its placements and view log. */
async function personSide(pc: PortalCtx): Promise<PersonSide> {
  const db = pc.platform.db;
  const [p] = await db.select({ regionCode: persons.regionCode }).from(persons).where(and(eq(persons.id, pc.subjectId), systemScope()));
  if (!p) throw new AppError('NOT_FOUND', { zh: '人员库中已没有您的记录，请到经办窗口咨询', en: 'Your registry record no longer exists; ask at a service window' });
  const [s] = await db
    .select({ id: jobSeekers.id, regionCode: jobSeekers.regionCode, version: jobSeekers.version, status: jobSeekers.status })
    .from(jobSeekers)
    .where(and(eq(jobSeekers.personId, pc.subjectId), systemScope()));
  const regions: string[] = [p.regionCode];
  if (s) {
    regions.push(s.regionCode);
    const [placed, viewed] = await Promise.all([
      db.selectDistinct({ r: jobPlacements.regionCode }).from(jobPlacements).where(and(eq(jobPlacements.seekerId, s.id), systemScope())),
      db.selectDistinct({ r: seekerProfileViews.regionCode }).from(seekerProfileViews).where(and(eq(seekerProfileViews.seekerId, s.id), systemScope())),
    ]);
    regions.push(...placed.map((x) => x.r), ...viewed.map((x) => x.r));
  }
  return { ctx: actingFor(pc, regions), personId: pc.subjectId, personRegion: p.regionCode, seeker: s ?? null };
}

export async function myProfile(pc: PortalCtx) {
  const side = await personSide(pc);
  return side.seeker ? getSeeker(side.ctx, side.seeker.id) : null;
}

/** What a seeker may set on their own profile (the plan's groups are staff-recorded). */
export type OwnProfileInput = Omit<SeekerInput, 'personId' | 'groups' | 'status'> & { status?: 'active' | 'paused'; version?: number };

/** Creates the profile when there is none, else updates it (optimistic version). */
export async function saveMyProfile(pc: PortalCtx, input: OwnProfileInput): Promise<{ created: boolean; seeker: Awaited<ReturnType<typeof getSeeker>> }> {
  const side = await personSide(pc);
  const { version, ...fields } = input;
  if (!side.seeker) {
    const row = await createSeeker(side.ctx, { ...fields, personId: side.personId });
    return { created: true, seeker: await getSeeker(side.ctx, row.id) };
  }
  // A form that did not know of the profile (another tab created it) must reload first.
  if (version === undefined) throw new AppError('STALE_VERSION');
  const row = await updateSeeker(side.ctx, side.seeker.id, { ...fields, version });
  return { created: false, seeker: await getSeeker(side.ctx, row.id) };
}

export async function myMatches(pc: PortalCtx) {
  const side = await personSide(pc);
  if (!side.seeker) throw needProfile();
  const r = await matchVacanciesForSeeker(side.ctx, side.seeker.id, PORTAL_TOP);
  const mine = await listPlacements(side.ctx, { seekerId: side.seeker.id, page: 1, pageSize: 200 });
  const statusOf = new Map(mine.items.filter((p) => p.kind !== 'recommendation').map((p) => [p.vacancyId, p.status]));
  return { seekerId: side.seeker.id, items: r.items.map((m) => ({ ...m, applied: statusOf.get(m.vacancyId) ?? null })) };
}

/**
 * Applies to a vacancy. Refused with the reason: no profile, a paused profile, a vacancy that is
 * closed, filled, expired or unknown, or one already applied to or referred to.
 */
export async function applyToVacancy(pc: PortalCtx, vacancyId: number, note: string | null, today = chinaToday()) {
  const side = await personSide(pc);
  if (!side.seeker) throw needProfile();
  if (side.seeker.status !== 'active') throw new AppError('INVALID_STATE', { zh: '您的求职信息已暂停或关闭，请先恢复为“求职中”', en: 'Your profile is paused or closed; set it to active first' });
  const before = await listPlacements(side.ctx, { seekerId: side.seeker.id, vacancyId, kinds: ['application', 'referral'], page: 1, pageSize: 1 });
  if (before.items[0]) {
    const p = before.items[0];
    throw new AppError('DUPLICATE', {
      zh: p.kind === 'application' ? `您已申请过该岗位（${chinaToday(p.createdAt)}）` : '经办机构已向该岗位推荐过您，无需再申请',
      en: p.kind === 'application' ? `You applied to this vacancy on ${chinaToday(p.createdAt)}` : 'A service office already referred you to this vacancy',
      existingId: p.id,
    });
  }
  try {
    const { row, match } = await createPlacement(side.ctx, { kind: 'application', seekerId: side.seeker.id, vacancyId, note }, today);
    return { row, match };
  } catch (e) {
    // A vacancy that is not open is not public: unknown and closed read the same.
    // (createPlacement refuses a closed one in the seeker's own region with INVALID_STATE and its reason.)
    if (e instanceof AppError && e.code === 'NOT_FOUND') {
      throw new AppError('INVALID_STATE', { zh: '该岗位已关闭、招满或过期，不能申请', en: 'The vacancy is closed, filled or expired; it takes no applications', fields: [{ field: 'vacancyId', zh: '岗位已关闭、招满或过期', en: 'closed, filled or expired' }] });
    }
    if (e instanceof AppError && e.code === 'DUPLICATE') throw new AppError('DUPLICATE', { zh: '您已申请过该岗位', en: 'You already applied to this vacancy' });
    throw e;
  }
}

export async function myApplications(pc: PortalCtx, page: number, pageSize: number) {
  const side = await personSide(pc);
  if (!side.seeker) return { items: [], total: 0, page, pageSize };
  const r = await listPlacements(side.ctx, { seekerId: side.seeker.id, page, pageSize });
  return { ...r, items: r.items.map(({ personId: _p, personName: _n, ...rest }) => rest) };
}

export type ProfileViewer = { id: number; viewerKind: 'employer' | 'office'; viewer: string; vacancyId: number | null; vacancyTitle: string | null; viewedAt: Date };

/**
 * Who viewed my profile: employers by name, service offices by the office (not the caseworker's
 * own name), with the vacancy they looked from and when. Newest first, at most 200.
 */
export async function whoViewedMe(pc: PortalCtx): Promise<ProfileViewer[]> {
  const side = await personSide(pc);
  if (!side.seeker) return [];
  const v = seekerProfileViews;
  const rows = await pc.platform.db
    .select({ id: v.id, viewerName: v.viewerName, viewerOrg: v.viewerOrg, kind: users.kind, vacancyId: v.vacancyId, vacancyTitle: jobVacancies.title, viewedAt: v.viewedAt })
    .from(v)
    .leftJoin(users, eq(users.id, v.viewerId))
    .leftJoin(jobVacancies, eq(jobVacancies.id, v.vacancyId))
    .where(and(eq(v.seekerId, side.seeker.id), scopeWhere(side.ctx.caller.scope, v)))
    .orderBy(desc(v.viewedAt), desc(v.id))
    .limit(200);
  return rows.map((r) => ({
    id: r.id,
    viewerKind: r.kind === 'employer' ? 'employer' : 'office',
    viewer: r.kind === 'employer' ? r.viewerName : r.viewerOrg || r.viewerName,
    vacancyId: r.vacancyId,
    vacancyTitle: r.vacancyTitle,
    viewedAt: r.viewedAt,
  }));
}

// ---- the employer --------------------------------------------------------------------------

async function employerOf(pc: PortalCtx) {
  const [e] = await pc.platform.db
    .select({ id: employers.id, name: employers.name, regionCode: employers.regionCode })
    .from(employers)
    .where(and(eq(employers.id, pc.subjectId), systemScope()));
  if (!e) throw new AppError('NOT_FOUND', { zh: '单位库中已没有本单位的记录，请到经办窗口咨询', en: 'Your employer record no longer exists; ask at a service window' });
  return e;
}

/** The employer's own vacancy; another employer's (or none) reads as not found. */
async function ownVacancy(pc: PortalCtx, vacancyId: number) {
  const [v] = await pc.platform.db
    .select({ id: jobVacancies.id, regionCode: jobVacancies.regionCode })
    .from(jobVacancies)
    .where(and(eq(jobVacancies.id, vacancyId), eq(jobVacancies.employerId, pc.subjectId), systemScope()));
  if (!v) throw new AppError('NOT_FOUND');
  return v;
}

/** The employer's region and the regions of its vacancies and of the placements to them. */
async function employerRegions(pc: PortalCtx): Promise<string[]> {
  const db = pc.platform.db;
  const e = await employerOf(pc);
  const [vac, placed] = await Promise.all([
    db.selectDistinct({ r: jobVacancies.regionCode }).from(jobVacancies).where(and(eq(jobVacancies.employerId, pc.subjectId), systemScope())),
    db.selectDistinct({ r: jobPlacements.vacancyRegionCode }).from(jobPlacements).where(and(eq(jobPlacements.employerId, pc.subjectId), systemScope())),
  ]);
  return [e.regionCode, ...vac.map((x) => x.r), ...placed.map((x) => x.r)];
}

export async function myVacancies(pc: PortalCtx, q: Omit<VacancyQuery, 'employerId' | 'regionCode'>) {
  const ctx = actingFor(pc, await employerRegions(pc));
  return listVacancies(ctx, { ...q, employerId: pc.subjectId });
}

export async function myVacancy(pc: PortalCtx, vacancyId: number) {
  const own = await ownVacancy(pc, vacancyId);
  return getVacancy(actingFor(pc, [own.regionCode]), own.id);
}

/** Posts a vacancy of the account's employer, at its own region or a chosen workplace. */
export async function postVacancy(pc: PortalCtx, input: Omit<VacancyInput, 'employerId'>) {
  const e = await employerOf(pc);
  return createVacancy(actingFor(pc, [e.regionCode, input.regionCode]), { ...input, employerId: e.id });
}

export async function editVacancy(pc: PortalCtx, vacancyId: number, input: Omit<VacancyInput, 'employerId'> & { status?: 'open' | 'closed'; version: number }) {
  const own = await ownVacancy(pc, vacancyId);
  return updateVacancy(actingFor(pc, [own.regionCode, input.regionCode]), own.id, input);
}

export async function closeVacancy(pc: PortalCtx, vacancyId: number, version: number) {
  const own = await ownVacancy(pc, vacancyId);
  const ctx = actingFor(pc, [own.regionCode]);
  const v = await getVacancy(ctx, own.id);
  if (v.status === 'closed') throw new AppError('INVALID_STATE', { zh: '岗位已关闭', en: 'The vacancy is already closed' });
  return updateVacancy(ctx, own.id, { ...v, regionCode: v.regionCode, status: 'closed', version });
}

export type AgeBand = '16-24' | '25-34' | '35-44' | '45-54' | '55+';

/** Age in whole years on `today`, in a ten-year band (the exact age and birth date never leave). */
export function ageBand(birthDate: string, today: string): AgeBand {
  const age = Number(today.slice(0, 4)) - Number(birthDate.slice(0, 4)) - (today.slice(5) < birthDate.slice(5) ? 1 : 0);
  if (age < 25) return '16-24';
  if (age < 35) return '25-34';
  if (age < 45) return '35-44';
  if (age < 55) return '45-54';
  return '55+';
}

export type CandidateSummary = {
  seekerId: number;
  maskedName: string;
  ageBand: AgeBand;
  countyName: string | null;
  education: string;
  skills: string[];
  desiredOccupations: { code: string; name: string | null }[];
  availableFrom: string | null;
};

/** The masked summaries of these seekers (only the fields an employer may see). */
async function candidateSummaries(pc: PortalCtx, seekerIds: number[], today = chinaToday()): Promise<Map<number, CandidateSummary>> {
  if (!seekerIds.length) return new Map();
  const { platform } = pc;
  const pool = candidatePool(pc);
  const s = jobSeekers;
  const [rows, names] = await Promise.all([
    platform.db
      .select({ id: s.id, name: persons.name, birthDate: persons.birthDate, regionCode: s.regionCode, education: s.education, skills: s.skills, desiredOccupations: s.desiredOccupations, availableFrom: s.availableFrom })
      .from(s)
      .innerJoin(persons, eq(persons.id, s.personId))
      .where(and(inArray(s.id, seekerIds), scopeWhere(pool.caller.scope, s))),
    occupationNames(platform.db),
  ]);
  const county = (code: string) => {
    const c = platform.regions.index.countyOf(code) ?? platform.regions.index.planUnitOf(code) ?? code;
    return platform.regions.name(c);
  };
  return new Map(
    rows.map((r) => [
      r.id,
      {
        seekerId: r.id,
        maskedName: maskName(r.name),
        ageBand: ageBand(r.birthDate, today),
        countyName: county(r.regionCode),
        education: r.education,
        skills: r.skills,
        desiredOccupations: r.desiredOccupations.map((c) => ({ code: c, name: nameOfOccupation(names, c) })),
        availableFrom: r.availableFrom,
      },
    ]),
  );
}

/** The best seekers for the employer's own vacancy, masked, with the reasons of each score. */
export async function candidatesFor(pc: PortalCtx, vacancyId: number) {
  const own = await ownVacancy(pc, vacancyId);
  const r = await matchSeekersForVacancy(candidatePool(pc), own.id, PORTAL_TOP);
  const summaries = await candidateSummaries(pc, r.items.map((m) => m.seekerId));
  return r.items.flatMap((m) => {
    const summary = summaries.get(m.seekerId);
    return summary ? [{ ...summary, score: m.score, reasons: m.reasons, improve: m.improve }] : [];
  });
}

/**
 * One candidate's card for the employer's own vacancy: only a seeker who applied or was referred
 * to it, or who is among its top candidates. Logged as a profile view the seeker sees.
 */
export async function candidateCard(pc: PortalCtx, vacancyId: number, seekerId: number) {
  const own = await ownVacancy(pc, vacancyId);
  const pool = candidatePool(pc);
  const [placed] = await pc.platform.db
    .select({ id: jobPlacements.id, kind: jobPlacements.kind, status: jobPlacements.status })
    .from(jobPlacements)
    .where(and(eq(jobPlacements.vacancyId, own.id), eq(jobPlacements.seekerId, seekerId), inArray(jobPlacements.kind, ['application', 'referral']), systemScope()));
  if (!placed) {
    const top = await matchSeekersForVacancy(pool, own.id, PORTAL_TOP);
    if (!top.items.some((m) => m.seekerId === seekerId)) throw new AppError('NOT_FOUND');
  }
  const seeker = await getSeeker(pool, seekerId);
  const summary = (await candidateSummaries(pc, [seeker.id])).get(seeker.id);
  if (!summary) throw new AppError('NOT_FOUND');
  const match = await scorePair(pool, seeker.id, own.id);
  await logProfileView(pool, { id: seeker.id, regionCode: seeker.regionCode }, own.id);
  return { card: { ...summary, ...match, placementId: placed?.id ?? null, placementStatus: placed?.status ?? null }, regionCode: seeker.regionCode };
}

/** Applications and referrals to the employer's vacancies (recommendations to seekers are not theirs). */
export async function applicationsToMe(pc: PortalCtx, q: { vacancyId?: number; status?: PlacementStatus; page: number; pageSize: number }) {
  if (q.vacancyId) await ownVacancy(pc, q.vacancyId);
  const ctx = actingFor(pc, await employerRegions(pc));
  const r = await listPlacements(ctx, { employerId: pc.subjectId, vacancyId: q.vacancyId, status: q.status, kinds: ['application', 'referral'], page: q.page, pageSize: q.pageSize });
  const summaries = await candidateSummaries(pc, [...new Set(r.items.map((p) => p.seekerId))]);
  return {
    ...r,
    items: r.items.map(({ personId: _p, personName, ...p }) => ({ ...p, candidate: summaries.get(p.seekerId) ?? null, maskedName: maskName(personName) })),
  };
}

export type EmployerOutcome = { status: 'interview' | 'rejected' | 'hired'; outcomeDate?: string; hasContract?: boolean; note?: string | null; version: number };

/** Invites, rejects or hires on an application to the employer's own vacancy; a hire registers the employment. */
export async function decideApplication(pc: PortalCtx, placementId: number, input: EmployerOutcome, today = chinaToday()) {
  const [p] = await pc.platform.db
    .select({ id: jobPlacements.id, personId: jobPlacements.personId, regionCode: jobPlacements.regionCode, vacancyRegionCode: jobPlacements.vacancyRegionCode, kind: jobPlacements.kind })
    .from(jobPlacements)
    .where(and(eq(jobPlacements.id, placementId), eq(jobPlacements.employerId, pc.subjectId), inArray(jobPlacements.kind, ['application', 'referral']), systemScope()));
  if (!p) throw new AppError('NOT_FOUND');
  // A hire registers the employment where the person is registered now.
  const [person] = await pc.platform.db.select({ regionCode: persons.regionCode }).from(persons).where(and(eq(persons.id, p.personId), systemScope()));
  const ctx = actingFor(pc, [p.regionCode, p.vacancyRegionCode, person?.regionCode]);
  return recordOutcome(ctx, p.id, { status: input.status, outcomeDate: input.outcomeDate ?? today, version: input.version, hasContract: input.hasContract, note: input.note ?? null }, today);
}
