CREATE TABLE "ingest_rejections" (
	"id" text PRIMARY KEY NOT NULL,
	"team_id" text NOT NULL,
	"source_id" text NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"headers" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"body" "bytea" NOT NULL,
	"body_size" integer NOT NULL,
	"reason" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "ingest_rejections" ADD CONSTRAINT "ingest_rejections_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ingest_rejections" ADD CONSTRAINT "ingest_rejections_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ingest_rejections_team_source_idx" ON "ingest_rejections" USING btree ("team_id","source_id","received_at");--> statement-breakpoint
CREATE INDEX "ingest_rejections_received_at_idx" ON "ingest_rejections" USING btree ("received_at");--> statement-breakpoint
CREATE INDEX "events_team_source_idx" ON "events" USING btree ("team_id","source_id","received_at");