import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { CredentialsForm } from "@/components/auth/credentials-form";
import { OAuthButtons } from "@/components/auth/oauth-buttons";
import { oauthProviderButtons } from "@/lib/auth/oauth-providers";
import { getEnv } from "@/lib/env";
import { getCurrentUser } from "@/lib/auth/session-cookie";
import { safeNextPath } from "@/lib/http/safe-next-path";
import { accountFailureMessage } from "@/lib/auth/account-failure";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ next?: string; error?: string; failed?: string }>;
}) {
  const query = await searchParams;
  const next = safeNextPath(query.next);
  if (await getCurrentUser()) redirect(next);
  return (
    <>
      <h1 className="mb-4 text-lg font-semibold">Sign in</h1>
      {query.error ? (
        <p
          role="alert"
          className="mb-4 rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 dark:bg-red-950 dark:text-red-300"
        >
          {query.error === "OAuthAccountNotLinked"
            ? "This email already has a Hookyard account. Sign in with your password."
            : "Signing in with that provider did not work. Try again, or sign in with your email."}
        </p>
      ) : null}
      <OAuthButtons providers={oauthProviderButtons(getEnv())} next={next} />
      <CredentialsForm
        mode="sign-in"
        next={next}
        failedMessage={accountFailureMessage(query.failed)}
      />
      <p className="mt-4 text-center text-sm text-zinc-600 dark:text-zinc-400">
        New here?{" "}
        <Link
          className="font-medium text-indigo-600 underline dark:text-indigo-400"
          href={`/sign-up?next=${encodeURIComponent(next)}`}
        >
          Create an account
        </Link>
      </p>
    </>
  );
}
