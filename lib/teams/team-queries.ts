import type { teams } from "@/db/schema";

export type Team = typeof teams.$inferSelect;
