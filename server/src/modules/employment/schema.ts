// Employment (就业): registrations, unemployment, rural transfers, graduates, layoffs,
// matching (seekers, vacancies, referrals) and unemployment-risk warnings.
//
// Every table holding data about people or employers carries region_code (the person's
// region, or the employer's / workplace's where the record is about a job) and is listed in
// the module's scopedTables. Money is integer fen; dates are `date`; instants timestamptz.
import { bigint, boolean, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import type { Area, DifficultyGroup, Education, EmploymentKind, GraduateDestination, WarningEvidence } from './types';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const id = () => bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity();
const ref = (name: string) => bigint(name, { mode: 'number' });

/** Occupations of the 职业分类大典 loaded from a file (the group levels ship as reference JSON). */
export const employmentOccupations = pgTable('employment_occupations', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  /** 数字职业 (S). */
  digital: boolean('digital').notNull().default(false),
  /** 绿色职业 (L). */
  green: boolean('green').notNull().default(false),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

/** 就业登记. */
export const employmentRegistrations = pgTable(
  'employment_registrations',
  {
    id: id(),
    personId: ref('person_id').notNull(),
    /** Null for self-employed and flexible employment. */
    employerId: ref('employer_id'),
    kind: text('kind').$type<EmploymentKind>().notNull(),
    startDate: date('start_date').notNull(),
    /** Set by termination; null while open. */
    endDate: date('end_date'),
    terminationReason: text('termination_reason'),
    area: text('area').$type<Area>().notNull(),
    /** Counts toward 城镇新增就业. */
    newUrban: boolean('new_urban').notNull().default(false),
    occupationCode: text('occupation_code'),
    hasContract: boolean('has_contract').notNull().default(false),
    /** The person's region (the employer may be elsewhere). */
    regionCode: text('region_code').notNull(),
    source: text('source').$type<'manual' | 'import' | 'referral'>().notNull().default('manual'),
    createdBy: integer('created_by'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('emp_reg_person_idx').on(t.personId),
    index('emp_reg_region_idx').on(t.regionCode),
    index('emp_reg_start_idx').on(t.startDate),
    index('emp_reg_employer_idx').on(t.employerId),
  ],
);


/** 失业登记. */
export const unemploymentRegistrations = pgTable(
  'employment_unemployment',
  {
    id: id(),
    personId: ref('person_id').notNull(),
    /** The person's region. */
    regionCode: text('region_code').notNull(),
    registeredOn: date('registered_on').notNull(),
    /** Urban registered unemployment (城镇登记失业) counts toward the registered rate. */
    urban: boolean('urban').notNull().default(true),
    reason: text('reason').notNull(),
    /** 就业困难人员 recognised. */
    difficulty: boolean('difficulty').notNull().default(false),
    difficultySince: date('difficulty_since'),
    /** The plan's groups the person belongs to (for reporting and fairness; never for scoring). */
    groups: text('groups').array().$type<DifficultyGroup[]>().notNull().default([]),
    closedOn: date('closed_on'),
    closedReason: text('closed_reason').$type<'reemployed' | 'moved_away' | 'retired' | 'enrolled' | 'deregistered' | 'other'>(),
    reemploymentId: ref('reemployment_id'),
    createdBy: integer('created_by'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('unemp_person_idx').on(t.personId),
    index('unemp_region_idx').on(t.regionCode),
    index('unemp_registered_idx').on(t.registeredOn),
    index('unemp_closed_idx').on(t.closedOn),
  ],
);

/** Services an unemployed person received: 职业介绍, 职业指导, 培训推荐. */
export const unemploymentServices = pgTable(
  'employment_unemployment_services',
  {
    id: id(),
    unemploymentId: ref('unemployment_id').notNull(),
    personId: ref('person_id').notNull(),
    regionCode: text('region_code').notNull(),
    kind: text('kind').$type<'job_introduction' | 'guidance' | 'training_referral'>().notNull(),
    serviceDate: date('service_date').notNull(),
    note: text('note'),
    createdBy: integer('created_by'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('unemp_svc_reg_idx').on(t.unemploymentId), index('unemp_svc_region_idx').on(t.regionCode)],
);

/** 农村劳动力转移就业. */
export const ruralTransfers = pgTable(
  'employment_rural_transfers',
  {
    id: id(),
    personId: ref('person_id').notNull(),
    /** The person's (home) region. */
    regionCode: text('region_code').notNull(),
    transferDate: date('transfer_date').notNull(),
    destination: text('destination').$type<'in_county' | 'in_province' | 'out_of_province'>().notNull(),
    destinationRegionCode: text('destination_region_code'),
    industry: text('industry'),
    occupationCode: text('occupation_code'),
    createdBy: integer('created_by'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('rural_tr_person_idx').on(t.personId),
    index('rural_tr_region_idx').on(t.regionCode),
    uniqueIndex('rural_tr_person_date_idx').on(t.personId, t.transferDate),
  ],
);


/** 高校毕业生去向落实. */
export const graduateDestinations = pgTable(
  'employment_graduates',
  {
    id: id(),
    personId: ref('person_id').notNull(),
    regionCode: text('region_code').notNull(),
    graduationYear: integer('graduation_year').notNull(),
    school: text('school').notNull(),
    education: text('education').notNull(),
    destination: text('destination').$type<GraduateDestination>().notNull(),
    /** 留琼: works in Hainan (null when not in employment). */
    staysInHainan: boolean('stays_in_hainan'),
    employerId: ref('employer_id'),
    recordedOn: date('recorded_on').notNull(),
    createdBy: integer('created_by'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [uniqueIndex('grad_person_year_idx').on(t.personId, t.graduationYear), index('grad_region_idx').on(t.regionCode)],
);

/** 规模性裁员 reports by employers. */
export const layoffReports = pgTable(
  'employment_layoff_reports',
  {
    id: id(),
    employerId: ref('employer_id').notNull(),
    regionCode: text('region_code').notNull(),
    reportedOn: date('reported_on').notNull(),
    plannedDate: date('planned_date').notNull(),
    plannedCount: integer('planned_count').notNull(),
    staffCount: integer('staff_count').notNull(),
    reason: text('reason').notNull(),
    status: text('status').$type<'reported' | 'following_up' | 'closed'>().notNull().default('reported'),
    createdBy: integer('created_by'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('layoff_region_idx').on(t.regionCode), index('layoff_employer_idx').on(t.employerId), index('layoff_planned_idx').on(t.plannedDate)],
);

export const layoffFollowups = pgTable(
  'employment_layoff_followups',
  {
    id: id(),
    reportId: ref('report_id').notNull(),
    regionCode: text('region_code').notNull(),
    followupDate: date('followup_date').notNull(),
    kind: text('kind').$type<'visit' | 'call' | 'policy' | 'reemployment_service' | 'note'>().notNull(),
    note: text('note').notNull(),
    /** Laid-off staff placed again so far (as reported at this follow-up). */
    staffReemployed: integer('staff_reemployed'),
    actorId: integer('actor_id'),
    actorName: text('actor_name').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('layoff_fu_report_idx').on(t.reportId)],
);


/** Job seekers' profiles. */
export const jobSeekers = pgTable(
  'employment_seekers',
  {
    id: id(),
    personId: ref('person_id').notNull(),
    /** The person's region. */
    regionCode: text('region_code').notNull(),
    desiredOccupations: text('desired_occupations').array().notNull().default([]),
    /** Derived from desiredOccupations for candidate generation (GIN-indexed). */
    desiredMediums: text('desired_mediums').array().notNull().default([]),
    desiredMajors: text('desired_majors').array().notNull().default([]),
    skills: text('skills').array().notNull().default([]),
    /** Regions the seeker would work in (codes); empty = the person's own region. */
    desiredRegions: text('desired_regions').array().notNull().default([]),
    /**
     * Derived for candidate generation (matching.ts matchKeys, GIN-indexed): `m:<medium>@<area>`
     * for each desired medium group × work area (desiredRegions, else regionCode) and
     * `k:<medium>@<skill>` for each desired medium group × skill.
     */
    matchKeys: text('match_keys').array().notNull().default([]),
    /** Expected monthly pay, fen. */
    salaryMin: integer('salary_min'),
    education: text('education').$type<Education>().notNull(),
    availableFrom: date('available_from'),
    /** The plan's groups (fairness report only; never scored). */
    groups: text('groups').array().notNull().default([]),
    status: text('status').$type<'active' | 'paused' | 'closed'>().notNull().default('active'),
    createdBy: integer('created_by'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('seekers_person_idx').on(t.personId),
    index('seekers_region_idx').on(t.regionCode),
    index('seekers_mediums_idx').using('gin', t.desiredMediums),
    index('seekers_majors_idx').using('gin', t.desiredMajors),
    // fastupdate off: a query never scans a pending list of recent writes (profiles change seldom).
    index('seekers_match_keys_idx').using('gin', t.matchKeys).with({ fastupdate: false }),
    // Outside the desired groups a vacancy's skills are looked up here ("has all three").
    index('seekers_skills_idx').using('gin', t.skills).with({ fastupdate: false }),
  ],
);

/** Vacancies (岗位). The region is the workplace. */
export const jobVacancies = pgTable(
  'employment_vacancies',
  {
    id: id(),
    employerId: ref('employer_id').notNull(),
    regionCode: text('region_code').notNull(),
    /** The plan unit of region_code (candidate generation). */
    planUnit: text('plan_unit').notNull(),
    title: text('title').notNull(),
    occupationCode: text('occupation_code').notNull(),
    occMedium: text('occ_medium').notNull(),
    occMajor: text('occ_major').notNull(),
    skills: text('skills').array().notNull().default([]),
    salaryMin: integer('salary_min').notNull(),
    salaryMax: integer('salary_max').notNull(),
    education: text('education').$type<Education>().notNull(),
    headcount: integer('headcount').notNull(),
    filled: integer('filled').notNull().default(0),
    expiresOn: date('expires_on').notNull(),
    description: text('description').notNull().default(''),
    /** Same employer, occupation, normalised title and region: one open vacancy. */
    dedupeKey: text('dedupe_key').notNull(),
    status: text('status').$type<'open' | 'filled' | 'closed' | 'expired'>().notNull().default('open'),
    createdBy: integer('created_by'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('vac_region_idx').on(t.regionCode),
    index('vac_medium_region_idx').on(t.status, t.occMedium, t.regionCode),
    index('vac_major_idx').on(t.status, t.occMajor),
    index('vac_unit_idx').on(t.status, t.planUnit),
    index('vac_employer_idx').on(t.employerId),
    index('vac_dedupe_idx').on(t.dedupeKey),
  ],
);

/** Recommendations, applications and referrals (职业介绍) with their outcomes. */
export const jobPlacements = pgTable(
  'employment_placements',
  {
    id: id(),
    kind: text('kind').$type<'recommendation' | 'application' | 'referral'>().notNull(),
    seekerId: ref('seeker_id').notNull(),
    personId: ref('person_id').notNull(),
    vacancyId: ref('vacancy_id').notNull(),
    employerId: ref('employer_id').notNull(),
    /** The seeker's region. */
    regionCode: text('region_code').notNull(),
    /** The vacancy's region (a referral across counties is visible to both). */
    vacancyRegionCode: text('vacancy_region_code').notNull(),
    score: integer('score').notNull(),
    status: text('status').$type<'proposed' | 'applied' | 'interview' | 'hired' | 'rejected' | 'withdrawn'>().notNull().default('proposed'),
    outcomeDate: date('outcome_date'),
    employmentId: ref('employment_id'),
    note: text('note'),
    createdBy: integer('created_by'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('plc_seeker_idx').on(t.seekerId),
    index('plc_vacancy_idx').on(t.vacancyId),
    index('plc_region_idx').on(t.regionCode),
    uniqueIndex('plc_unique_idx').on(t.kind, t.seekerId, t.vacancyId),
  ],
);

/** Who viewed a seeker's profile (job seekers see it: résumé leaks are a top complaint). */
export const seekerProfileViews = pgTable(
  'employment_profile_views',
  {
    id: id(),
    seekerId: ref('seeker_id').notNull(),
    regionCode: text('region_code').notNull(),
    viewerId: integer('viewer_id').notNull(),
    viewerName: text('viewer_name').notNull(),
    viewerOrg: text('viewer_org').notNull(),
    /** The vacancy the viewer looked from, if any. */
    vacancyId: ref('vacancy_id'),
    viewedAt: ts('viewed_at').notNull().defaultNow(),
  },
  (t) => [index('views_seeker_idx').on(t.seekerId, t.viewedAt)],
);

/** Warning rules, versioned: a change writes a new version; warnings name the version that raised them. */
export const unemploymentWarningRules = pgTable(
  'employment_warning_rules',
  {
    id: id(),
    key: text('key').$type<'unemployed_growth' | 'layoff_reports' | 'contribution_stops'>().notNull(),
    version: integer('version').notNull(),
    name: text('name').notNull(),
    /** Default thresholds. */
    params: jsonb('params').$type<Record<string, number>>().notNull(),
    /** Thresholds for particular regions (a county or city code → params); the nearest wins. */
    regionParams: jsonb('region_params').$type<Record<string, Record<string, number>>>().notNull().default({}),
    active: boolean('active').notNull().default(true),
    createdBy: integer('created_by'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('wrule_key_version_idx').on(t.key, t.version)],
);


export const unemploymentWarnings = pgTable(
  'employment_warnings',
  {
    id: id(),
    ruleId: ref('rule_id').notNull(),
    ruleKey: text('rule_key').notNull(),
    ruleVersion: integer('rule_version').notNull(),
    regionCode: text('region_code').notNull(),
    /** The evaluation date the warning refers to. */
    asOf: date('as_of').notNull(),
    level: text('level').$type<'yellow' | 'orange' | 'red'>().notNull(),
    evidence: jsonb('evidence').$type<WarningEvidence>().notNull(),
    status: text('status').$type<'open' | 'acknowledged' | 'closed'>().notNull().default('open'),
    ownerId: integer('owner_id'),
    ownerName: text('owner_name'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [uniqueIndex('warn_rule_region_day_idx').on(t.ruleKey, t.regionCode, t.asOf), index('warn_region_idx').on(t.regionCode)],
);

export const unemploymentWarningFollowups = pgTable(
  'employment_warning_followups',
  {
    id: id(),
    warningId: ref('warning_id').notNull(),
    regionCode: text('region_code').notNull(),
    at: ts('at').notNull().defaultNow(),
    actorId: integer('actor_id'),
    actorName: text('actor_name').notNull(),
    action: text('action').$type<'note' | 'assign' | 'acknowledge' | 'close' | 'reopen'>().notNull(),
    note: text('note').notNull(),
  },
  (t) => [index('warn_fu_warning_idx').on(t.warningId)],
);
