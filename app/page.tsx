import { redirect } from "next/navigation";
import { connection } from "next/server";
import { openingTeamSlug } from "@/lib/teams/opening-team";

export default async function Home() {
  await connection();
  const slug = await openingTeamSlug();
  if (slug) redirect(`/${slug}/overview`);
  return (
    <main className="mx-auto max-w-xl px-6 py-24">
      <h1 className="text-2xl font-semibold">Hookyard has no team yet</h1>
      <p className="mt-3 text-sm text-zinc-600 dark:text-zinc-400">
        The default team is created when the server starts with HOOKYARD_DEFAULT_TEAM enabled (the
        default). Restart the server without HOOKYARD_DEFAULT_TEAM=false to create it.
      </p>
    </main>
  );
}
