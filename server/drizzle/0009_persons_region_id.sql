DROP INDEX "persons_region_idx";--> statement-breakpoint
CREATE INDEX "persons_region_id_idx" ON "persons" USING btree ("region_code","id");