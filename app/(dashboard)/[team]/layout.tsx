import Link from "next/link";
import { SidebarNav } from "@/components/shell/sidebar-nav";
import { signOutAction } from "@/app/(auth)/actions";
import { DashboardProviders } from "@/components/providers/dashboard-providers";
import { TeamSwitcher } from "@/components/shell/team-switcher";
import { requireTeam } from "@/lib/auth/require-team";
import { teamShellData } from "@/lib/teams/shell-data";

export default async function TeamLayout({
  children,
  params,
}: {
  children: React.ReactNode;
  params: Promise<{ team: string }>;
}) {
  const ctx = await requireTeam((await params).team);
  const { team } = ctx;
  const shell = await teamShellData(ctx);
  return (
    <div className="flex min-h-screen">
      <aside className="w-60 shrink-0 border-r border-zinc-200 bg-white px-3 py-5 dark:border-zinc-800 dark:bg-zinc-900">
        <Link href={`/${team.slug}/overview`} className="mb-6 flex items-center gap-2 px-3">
          {/* eslint-disable-next-line @next/next/no-img-element -- a tiny static SVG needs no optimisation */}
          <img src="/icon.svg" alt="" className="size-7" />
          <span className="text-lg font-semibold tracking-tight">Hookyard</span>
        </Link>
        <div className="mb-4">
          <TeamSwitcher current={team.slug} teams={shell.teams} />
        </div>
        <SidebarNav teamSlug={team.slug} />
        <div className="mt-8 border-t border-zinc-200 px-3 pt-4 text-sm dark:border-zinc-800">
          <p className="truncate text-zinc-600 dark:text-zinc-400" title={shell.user.email}>
            {shell.user.email}
          </p>
          <p className="text-xs text-zinc-500 dark:text-zinc-400">Role: {shell.role}</p>
          {/* A plain form drops the action's answer (an { error } only a forged post gets). */}
          <form action={signOutAction as (form: FormData) => Promise<void>} className="mt-2">
            <button
              type="submit"
              className="text-sm font-medium text-indigo-600 underline dark:text-indigo-400"
            >
              Sign out
            </button>
          </form>
        </div>
      </aside>
      <main className="min-w-0 flex-1 px-8 py-6">
        <DashboardProviders>{children}</DashboardProviders>
      </main>
    </div>
  );
}
