"use client";

import { usePathname, useRouter } from "next/navigation";

const options = [
  { value: "", label: "All changes" },
  { value: "endpoint.", label: "Endpoints" },
  { value: "source.", label: "Sources" },
  { value: "api_key.", label: "API keys" },
  { value: "member.", label: "Members and invitations" },
  { value: "team.", label: "Team settings" },
];

/** Filters the audit log by kind of target; the choice lives in the URL. */
export function AuditFilter({ current }: { current: string }) {
  const router = useRouter();
  const pathname = usePathname();
  return (
    <label className="mb-4 flex items-center gap-2 text-sm">
      Show
      <select
        value={current}
        onChange={(event) =>
          router.push(
            event.target.value
              ? `${pathname}?action=${encodeURIComponent(event.target.value)}`
              : pathname,
          )
        }
        className="rounded-md border border-zinc-300 bg-white px-2 py-1.5 dark:border-zinc-700 dark:bg-zinc-950"
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </label>
  );
}
