"use client";

import { useRouter } from "next/navigation";

/** Switches team by URL slug; the last option opens team creation. */
export function TeamSwitcher({
  current,
  teams,
}: {
  current: string;
  teams: { slug: string; name: string }[];
}) {
  const router = useRouter();
  return (
    <label className="block px-3">
      <span className="sr-only">Team</span>
      <select
        value={current}
        onChange={(event) =>
          router.push(event.target.value === "" ? "/teams/new" : `/${event.target.value}/overview`)
        }
        className="w-full rounded-md border border-zinc-300 bg-white px-2 py-1.5 text-sm dark:border-zinc-700 dark:bg-zinc-950"
      >
        {teams.map((team) => (
          <option key={team.slug} value={team.slug}>
            {team.name}
          </option>
        ))}
        <option value="">+ Create a team</option>
      </select>
    </label>
  );
}
