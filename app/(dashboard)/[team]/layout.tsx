import Link from "next/link";
import { SidebarNav } from "@/components/shell/sidebar-nav";
import { requireTeam } from "@/lib/auth/require-team";

export default async function TeamLayout({
  children,
  params,
}: {
  children: React.ReactNode;
  params: Promise<{ team: string }>;
}) {
  const { team } = await requireTeam((await params).team);
  return (
    <div className="flex min-h-screen">
      <aside className="w-60 shrink-0 border-r border-zinc-200 bg-white px-3 py-5 dark:border-zinc-800 dark:bg-zinc-900">
        <Link href={`/${team.slug}/overview`} className="mb-6 flex items-center gap-2 px-3">
          {/* eslint-disable-next-line @next/next/no-img-element -- a tiny static SVG needs no optimisation */}
          <img src="/icon.svg" alt="" className="size-7" />
          <span className="text-lg font-semibold tracking-tight">Hookyard</span>
        </Link>
        <p className="mb-2 px-3 text-xs font-medium uppercase tracking-wide text-zinc-500 dark:text-zinc-400">
          {team.name}
        </p>
        <SidebarNav teamSlug={team.slug} />
      </aside>
      <main className="min-w-0 flex-1 px-8 py-6">{children}</main>
    </div>
  );
}
