import type { Metadata } from "next";
import Link from "next/link";
import { AcceptInviteButton } from "@/components/teams/accept-invite-button";
import { getCurrentUser } from "@/lib/auth/session-cookie";
import { describeInvitationLink } from "@/lib/teams/invitations";
import { acceptInviteAction } from "../actions";

export const metadata: Metadata = { title: "Invitation" };

const link = "font-medium text-indigo-600 underline dark:text-indigo-400";

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [invitation, user] = await Promise.all([describeInvitationLink(token), getCurrentUser()]);
  const here = `/invite/${token}`;

  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm rounded-lg border border-zinc-200 bg-white p-6 shadow-sm dark:border-zinc-800 dark:bg-zinc-900">
        {!invitation || !invitation.usable ? (
          <>
            <h1 className="text-lg font-semibold">This invitation cannot be used</h1>
            <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">
              It has expired, was already used, or was revoked. Ask a team admin for a new link.
            </p>
            <Link href="/" className={`mt-4 inline-block text-sm ${link}`}>
              Go to Hookyard
            </Link>
          </>
        ) : (
          <>
            <h1 className="text-lg font-semibold">Join {invitation.teamName}</h1>
            <p className="mb-4 mt-2 text-sm text-zinc-600 dark:text-zinc-400">
              You are invited as <strong>{invitation.role}</strong>.
            </p>
            {user ? (
              <AcceptInviteButton
                label={`Join as ${user.email}`}
                accept={acceptInviteAction.bind(null, token)}
              />
            ) : (
              <p className="text-sm">
                <Link className={link} href={`/sign-up?next=${encodeURIComponent(here)}`}>
                  Create an account
                </Link>{" "}
                or{" "}
                <Link className={link} href={`/sign-in?next=${encodeURIComponent(here)}`}>
                  sign in
                </Link>{" "}
                to accept.
              </p>
            )}
          </>
        )}
      </div>
    </main>
  );
}
