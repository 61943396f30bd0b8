import "server-only";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "@/db/client";
import { memberships, teams, users } from "@/db/schema";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import type { Role } from "@/lib/auth/roles";
import { InputError } from "@/lib/errors";
import { slugify } from "./create-team";

export const bootstrapInputSchema = z.object({
  email: z.email("must be an email address").transform((e) => e.toLowerCase()),
  password: z.string().min(10, "must be at least 10 characters"),
  team: z.string().trim().min(2, "must be at least 2 characters").max(64),
});

/**
 * Headless set-up: the user (owner), the team and a new API key. Running it again for the same
 * user and team reuses both and issues another key; a wrong password for an existing user fails.
 */
export async function bootstrap(db: Database, input: unknown) {
  const { email, password, team: teamName } = bootstrapInputSchema.parse(input);
  const slug = slugify(teamName);
  return db.transaction(async (tx) => {
    let [user] = await tx.select().from(users).where(eq(users.email, email)).limit(1);
    if (user) {
      if (!user.passwordHash || !(await verifyPassword(password, user.passwordHash))) {
        throw new InputError(
          "That email already has an account with a different password.",
          "password",
        );
      }
    } else {
      [user] = await tx
        .insert(users)
        .values({ email, passwordHash: await hashPassword(password) })
        .returning();
    }

    let [team] = await tx.select().from(teams).where(eq(teams.slug, slug)).limit(1);
    let role: Role = "owner";
    if (team) {
      const [member] = await tx
        .select()
        .from(memberships)
        .where(and(eq(memberships.teamId, team.id), eq(memberships.userId, user!.id)));
      if (!member) {
        throw new InputError(
          `A team with the URL "${slug}" exists and you are not a member of it.`,
          "team",
        );
      }
      role = member.role;
    } else {
      [team] = await tx.insert(teams).values({ slug, name: teamName }).returning();
      await tx.insert(memberships).values({ teamId: team!.id, userId: user!.id, role: "owner" });
    }

    const apiKey = await createApiKey(tx, {
      actor: { kind: "user", userId: user!.id, role },
      teamId: team!.id,
      name: "bootstrap",
      createdBy: user!.id,
    });
    return {
      userId: user!.id,
      teamId: team!.id,
      teamSlug: team!.slug,
      apiKey: apiKey.key,
      apiKeyPrefix: apiKey.prefix,
      apiKeyId: apiKey.id,
    };
  });
}
