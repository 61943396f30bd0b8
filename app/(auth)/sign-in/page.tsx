import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { CredentialsForm } from "@/components/auth/credentials-form";
import { getCurrentUser } from "@/lib/auth/session-cookie";
import { safeNextPath } from "@/lib/http/safe-next-path";
import { signInAction } from "../actions";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ next?: string }>;
}) {
  const next = safeNextPath((await searchParams).next);
  if (await getCurrentUser()) redirect(next);
  return (
    <>
      <h1 className="mb-4 text-lg font-semibold">Sign in</h1>
      <CredentialsForm mode="sign-in" action={signInAction} next={next} />
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
