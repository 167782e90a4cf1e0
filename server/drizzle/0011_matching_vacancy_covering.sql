-- Matching (issue 4): a seeker's tiers read open vacancies by (status, occ_medium, region_code).
-- The index now carries every column a tier query reads (the scored ones, id, expires_on), so a
-- tier is an index-only scan over adjacent index entries (vacuumed pages) instead of one heap
-- page per vacancy. Same name and key columns as schema.ts declares; INCLUDE is not expressible
-- there.
DROP INDEX IF EXISTS "vac_medium_region_idx";--> statement-breakpoint
CREATE INDEX "vac_medium_region_idx" ON "employment_vacancies" USING btree ("status","occ_medium","region_code") INCLUDE ("id","occupation_code","occ_major","skills","salary_max","education","expires_on");
