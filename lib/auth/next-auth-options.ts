import "server-only";
import { DrizzleAdapter } from "@auth/drizzle-adapter";
import type { NextAuthOptions } from "next-auth";
import type { Adapter } from "next-auth/adapters";
import { getDb } from "@/db/client";
import { accounts, sessions, users, verificationTokens } from "@/db/schema";
import { getEnv } from "@/lib/env";
import { safeCallbackUrl } from "@/lib/http/safe-next-path";
import { oauthProviders } from "./oauth-providers";
import { SESSION_MAX_AGE_SECONDS } from "./session-store";

/**
 * next-auth handles the OAuth/OIDC providers, with database sessions in the same table and
 * cookie as password sign-ins (lib/auth/session-store.ts), so one session model serves both.
 */
export function nextAuthOptions(): NextAuthOptions {
  const env = getEnv();
  return {
    adapter: DrizzleAdapter(getDb(), {
      usersTable: users,
      accountsTable: accounts,
      sessionsTable: sessions,
      verificationTokensTable: verificationTokens,
    } as never) as unknown as Adapter,
    session: { strategy: "database", maxAge: SESSION_MAX_AGE_SECONDS },
    providers: oauthProviders(env),
    secret: env.NEXTAUTH_SECRET,
    pages: { signIn: "/sign-in", error: "/sign-in" },
    // The same check as the password form's `next`, for the callbackUrl OAuth sign-ins return to.
    callbacks: { redirect: ({ url, baseUrl }) => safeCallbackUrl(url, baseUrl) },
  };
}
