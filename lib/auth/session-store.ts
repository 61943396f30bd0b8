import "server-only";
import { randomBytes } from "node:crypto";
import { and, eq, gt } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { sessions, users } from "@/db/schema";

// Database sessions in next-auth's own table and cookie, so password sign-ins and (later) OAuth
// sign-ins through next-auth share one session model: revocable, listable, server-side.
export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 3600;

export function sessionCookieName(): string {
  return process.env.NEXTAUTH_URL?.startsWith("https://")
    ? "__Secure-next-auth.session-token"
    : "next-auth.session-token";
}

export async function createSession(
  db: Executor,
  userId: string,
): Promise<{ token: string; expires: Date }> {
  const token = randomBytes(32).toString("base64url");
  const expires = new Date(Date.now() + SESSION_MAX_AGE_SECONDS * 1000);
  await db.insert(sessions).values({ sessionToken: token, userId, expires });
  return { token, expires };
}

export type SessionUser = { id: string; email: string; name: string | null };

export async function findSessionUser(db: Executor, token: string): Promise<SessionUser | null> {
  const [row] = await db
    .select({ id: users.id, email: users.email, name: users.name })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.sessionToken, token), gt(sessions.expires, new Date())))
    .limit(1);
  return row ?? null;
}

export async function deleteSession(db: Executor, token: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.sessionToken, token));
}
