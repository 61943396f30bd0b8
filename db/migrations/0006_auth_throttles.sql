-- Unlogged: counters that need no durability, and whose commits then need no WAL flush
-- (a burst of sign-ins on one key serialises on its row; each must be quick).
CREATE UNLOGGED TABLE "auth_throttles" (
	"key" text PRIMARY KEY NOT NULL,
	"hits" integer NOT NULL,
	"window_started_at" timestamp with time zone NOT NULL,
	"window_seconds" integer NOT NULL
);
