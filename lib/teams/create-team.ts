import "server-only";
import { randomBytes } from "node:crypto";
import { z } from "zod";
import type { Database } from "@/db/client";
import { memberships, teams } from "@/db/schema";
import { teamNameSchema } from "./rename-team";

export const createTeamSchema = z.object({ name: teamNameSchema });

export function slugify(name: string): string {
  const slug = name
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 40);
  return slug || "team";
}

/** A new team with the user as its owner; the URL slug gets a suffix when the name is taken. */
export async function createTeam(db: Database, params: { userId: string; input: unknown }) {
  const { name } = createTeamSchema.parse(params.input);
  const base = slugify(name);
  return db.transaction(async (tx) => {
    for (let attempt = 0; ; attempt++) {
      const slug = attempt === 0 ? base : `${base}-${randomBytes(3).toString("hex")}`;
      const [team] = await tx
        .insert(teams)
        .values({ slug, name })
        .onConflictDoNothing({ target: teams.slug })
        .returning();
      if (team) {
        await tx
          .insert(memberships)
          .values({ teamId: team.id, userId: params.userId, role: "owner" });
        return team;
      }
    }
  });
}
