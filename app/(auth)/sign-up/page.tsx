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

export const metadata: Metadata = { title: "Create an account" };

export default async function SignUpPage({
  searchParams,
}: {
  searchParams: Promise<{ next?: string; failed?: string }>;
}) {
  const query = await searchParams;
  const next = safeNextPath(query.next);
  if (await getCurrentUser()) redirect(next);
  return (
    <>
      <h1 className="mb-4 text-lg font-semibold">Create your Hookyard account</h1>
      <OAuthButtons providers={oauthProviderButtons(getEnv())} next={next} />
      <CredentialsForm
        mode="sign-up"
        next={next}
        failedMessage={accountFailureMessage(query.failed)}
      />
      <p className="mt-4 text-center text-sm text-zinc-600 dark:text-zinc-400">
        Already have an account?{" "}
        <Link
          className="font-medium text-indigo-600 underline dark:text-indigo-400"
          href={`/sign-in?next=${encodeURIComponent(next)}`}
        >
          Sign in
        </Link>
      </p>
    </>
  );
}
