import Link from "next/link";

const tabs = [
  { segment: "", label: "Team" },
  { segment: "/members", label: "Members" },
  { segment: "/api-keys", label: "API keys" },
  { segment: "/audit-log", label: "Audit log" },
];

/** The settings sub-pages; `current` is the segment after /settings ("" for the team page). */
export function SettingsTabs({ teamSlug, current }: { teamSlug: string; current: string }) {
  return (
    <nav
      aria-label="Settings sections"
      className="mb-6 flex gap-1 border-b border-zinc-200 dark:border-zinc-800"
    >
      {tabs.map((tab) => (
        <Link
          key={tab.segment}
          href={`/${teamSlug}/settings${tab.segment}`}
          aria-current={tab.segment === current ? "page" : undefined}
          className={`-mb-px border-b-2 px-3 py-2 text-sm font-medium ${
            tab.segment === current
              ? "border-indigo-600 text-indigo-700 dark:text-indigo-300"
              : "border-transparent text-zinc-600 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-zinc-100"
          }`}
        >
          {tab.label}
        </Link>
      ))}
    </nav>
  );
}
