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
export type WarningEvidence = { summary: { zh: string; en: string }; figures: Record<string, number>; records: { type: string; id: number; label: string }[] };
