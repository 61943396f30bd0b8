CREATE TYPE "public"."endpoint_ordering" AS ENUM('none', 'key');--> statement-breakpoint
CREATE TABLE "delivery_queue" (
	"delivery_id" text PRIMARY KEY NOT NULL,
	"team_id" text NOT NULL,
	"endpoint_id" text NOT NULL,
	"event_id" text NOT NULL,
	"due_at" timestamp with time zone,
	"leased_until" timestamp with time zone,
	"ordering_key" text,
	"seq" bigint GENERATED ALWAYS AS IDENTITY (sequence name "delivery_queue_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1)
);
--> statement-breakpoint
CREATE TABLE "endpoint_send_rates" (
	"endpoint_id" text PRIMARY KEY NOT NULL,
	"next_slot_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
DROP INDEX "deliveries_due_idx";--> statement-breakpoint
DROP INDEX "deliveries_lease_idx";--> statement-breakpoint
ALTER TABLE "endpoints" ADD COLUMN "max_in_flight" integer;--> statement-breakpoint
ALTER TABLE "endpoints" ADD COLUMN "retry_schedule" text;--> statement-breakpoint
ALTER TABLE "endpoints" ADD COLUMN "ordering" "endpoint_ordering" DEFAULT 'none' NOT NULL;--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "ordering_key" text;--> statement-breakpoint
ALTER TABLE "delivery_queue" ADD CONSTRAINT "delivery_queue_delivery_id_deliveries_id_fk" FOREIGN KEY ("delivery_id") REFERENCES "public"."deliveries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "endpoint_send_rates" ADD CONSTRAINT "endpoint_send_rates_endpoint_id_endpoints_id_fk" FOREIGN KEY ("endpoint_id") REFERENCES "public"."endpoints"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "delivery_queue_endpoint_due_idx" ON "delivery_queue" USING btree ("endpoint_id","due_at") WHERE "delivery_queue"."ordering_key" is null;--> statement-breakpoint
CREATE INDEX "delivery_queue_endpoint_key_idx" ON "delivery_queue" USING btree ("endpoint_id","ordering_key","seq") WHERE "delivery_queue"."ordering_key" is not null;--> statement-breakpoint
CREATE INDEX "delivery_queue_due_idx" ON "delivery_queue" USING btree ("due_at") WHERE "delivery_queue"."due_at" is not null;--> statement-breakpoint
CREATE INDEX "delivery_queue_leased_idx" ON "delivery_queue" USING btree ("endpoint_id") WHERE "delivery_queue"."leased_until" is not null;--> statement-breakpoint
-- Existing unsettled deliveries move into the queue: pending ones due when they were, those in
-- flight due when their lease ends, held ones held.
INSERT INTO "delivery_queue" ("delivery_id", "team_id", "endpoint_id", "event_id", "due_at")
SELECT "id", "team_id", "endpoint_id", "event_id",
  CASE "status" WHEN 'pending' THEN coalesce("next_attempt_at", now())
    WHEN 'delivering' THEN coalesce("lease_until", now()) END
FROM "deliveries" WHERE "status" IN ('pending', 'delivering', 'held')
ORDER BY "created_at", "id";--> statement-breakpoint
UPDATE "deliveries" SET "status" = 'pending' WHERE "status" = 'delivering';--> statement-breakpoint
ALTER TABLE "deliveries" DROP COLUMN "lease_until";