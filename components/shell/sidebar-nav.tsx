"use client";

import {
  Activity,
  Inbox,
  LayoutDashboard,
  type LucideIcon,
  Radio,
  Send,
  Settings,
} from "lucide-react";
import Link from "next/link";
import { usePathname } from "next/navigation";

const sections: { segment: string; label: string; icon: LucideIcon }[] = [
  { segment: "overview", label: "Overview", icon: LayoutDashboard },
  { segment: "endpoints", label: "Endpoints", icon: Send },
  { segment: "sources", label: "Sources", icon: Inbox },
  { segment: "deliveries", label: "Deliveries", icon: Activity },
  { segment: "events", label: "Events", icon: Radio },
  { segment: "settings", label: "Settings", icon: Settings },
];

export function SidebarNav({ teamSlug }: { teamSlug: string }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Team sections">
      <ul className="space-y-1">
        {sections.map(({ segment, label, icon: Icon }) => {
          const href = `/${teamSlug}/${segment}`;
          const current = pathname === href || pathname.startsWith(`${href}/`);
          return (
            <li key={segment}>
              <Link
                href={href}
                aria-current={current ? "page" : undefined}
                className={`flex items-center gap-2 rounded-md px-3 py-2 text-sm font-medium ${
                  current
                    ? "bg-indigo-50 text-indigo-700 dark:bg-indigo-950 dark:text-indigo-300"
                    : "text-zinc-700 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800"
                }`}
              >
                <Icon aria-hidden className="size-4" />
                {label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
