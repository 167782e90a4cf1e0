CREATE TABLE "portal_activations" (
	"id" serial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"subject_id" integer NOT NULL,
	"identifier_index" text NOT NULL,
	"region_code" text NOT NULL,
	"display_name" text NOT NULL,
	"code_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"failed_attempts" integer DEFAULT 0 NOT NULL,
	"used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"issued_by" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "kind" text DEFAULT 'staff' NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "subject_id" integer;--> statement-breakpoint
CREATE INDEX "portal_activations_identifier_idx" ON "portal_activations" USING btree ("kind","identifier_index");--> statement-breakpoint
CREATE UNIQUE INDEX "users_subject_idx" ON "users" USING btree ("kind","subject_id");