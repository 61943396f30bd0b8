import type { Metadata } from "next";
import { CreateTeamForm } from "@/components/teams/create-team-form";
import { requireUser } from "@/lib/auth/require-team";
import { createTeamAction } from "../actions";

export const metadata: Metadata = { title: "Create a team" };

export default async function NewTeamPage() {
  await requireUser();
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm rounded-lg border border-zinc-200 bg-white p-6 shadow-sm dark:border-zinc-800 dark:bg-zinc-900">
        <h1 className="text-lg font-semibold">Create a team</h1>
        <p className="mb-4 mt-1 text-sm text-zinc-600 dark:text-zinc-400">
          A team owns endpoints, sources, API keys and the delivery log. You can invite others once
          it exists.
        </p>
        <CreateTeamForm action={createTeamAction} />
      </div>
    </main>
  );
}
