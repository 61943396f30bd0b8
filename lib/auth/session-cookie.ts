import "server-only";
import { cookies } from "next/headers";
import { getDb } from "@/db/client";
import {
  createSession,
  deleteSession,
  findSessionUser,
  type SessionUser,
  sessionCookieName,
  SESSION_MAX_AGE_SECONDS,
} from "./session-store";

/** Starts a session for the user and sets its cookie (server actions and route handlers only). */
export async function startSession(userId: string): Promise<void> {
  const { token, expires } = await createSession(getDb(), userId);
  (await cookies()).set(sessionCookieName(), token, {
    httpOnly: true,
    sameSite: "lax",
    secure: sessionCookieName().startsWith("__Secure-"),
    path: "/",
    expires,
    maxAge: SESSION_MAX_AGE_SECONDS,
  });
}

export async function endSession(): Promise<void> {
  const jar = await cookies();
  const token = jar.get(sessionCookieName())?.value;
  if (token) await deleteSession(getDb(), token);
  jar.delete(sessionCookieName());
}

/** The signed-in user, or null. */
export async function getCurrentUser(): Promise<SessionUser | null> {
  const token = (await cookies()).get(sessionCookieName())?.value;
  return token ? findSessionUser(getDb(), token) : null;
}
