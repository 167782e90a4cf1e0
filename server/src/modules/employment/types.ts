// Value types of the employment tables (kept out of schema.ts so that `export *` of the
// schemas cannot collide with other modules' names).
export type EmploymentKind = 'employee' | 'self_employed' | 'flexible' | 'public_welfare';
export type Area = 'urban' | 'rural';
export type DifficultyGroup = 'graduate' | 'rural_migrant' | 'veteran' | 'disability' | 'zero_employment_household';
export type GraduateDestination =
  | 'contract'
  | 'research_assistant'
  | 'military'
  | 'grassroots_project'
  | 'self_employed'
  | 'flexible'
  | 'further_study'
  | 'abroad'
  | 'seeking'
  | 'not_seeking';
export type Education = 'none' | 'primary' | 'junior' | 'senior' | 'vocational' | 'junior_college' | 'bachelor' | 'master' | 'doctor';
export type WarningEvidence = {
  summary: { zh: string; en: string };
  figures: Record<string, number>;
  /** The records behind the warning; `details` carries their figures where a label is not enough (e.g. an employer's staff before and after). */
  records: { type: string; id: number; label: string; details?: Record<string, string | number> }[];
};
