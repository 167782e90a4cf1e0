DROP INDEX "vac_medium_idx";--> statement-breakpoint
CREATE INDEX "vac_medium_region_idx" ON "employment_vacancies" USING btree ("status","occ_medium","region_code");--> statement-breakpoint
ALTER TABLE "employment_seekers" ADD COLUMN "match_keys" text[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
-- Backfill as matching.ts matchKeys derives it on every write: m:<medium>@<area> for each desired
-- medium group x work area (the desired regions, else the home region), j:<major>@<area> for each
-- desired major group x work area, k:<medium>@<skill> for each desired medium group x skill.
UPDATE "employment_seekers" SET "match_keys" = array(
  select key from (
    select 'm:' || m || '@' || a as key
    from unnest("desired_mediums") m, unnest(case when cardinality("desired_regions") > 0 then "desired_regions" else array["region_code"] end) a
    union all
    select 'j:' || j || '@' || a
    from unnest("desired_majors") j, unnest(case when cardinality("desired_regions") > 0 then "desired_regions" else array["region_code"] end) a
    union all
    select 'k:' || m || '@' || k from unnest("desired_mediums") m, unnest("skills") k where k <> ''
  ) keys group by key order by key collate "C"
) WHERE /*scope:system*/ true;--> statement-breakpoint
CREATE INDEX "seekers_match_keys_idx" ON "employment_seekers" USING gin ("match_keys") WITH (fastupdate=false);--> statement-breakpoint
CREATE INDEX "seekers_skills_idx" ON "employment_seekers" USING gin ("skills") WITH (fastupdate=false);--> statement-breakpoint
DROP INDEX "seekers_units_idx";--> statement-breakpoint
ALTER TABLE "employment_seekers" DROP COLUMN "area_units";