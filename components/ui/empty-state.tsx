import type { LucideIcon } from "lucide-react";

/** What a list shows before it has anything: what it will hold, and the first step to take. */
export function EmptyState({
  icon: Icon,
  title,
  children,
}: {
  icon: LucideIcon;
  title: string;
  children: React.ReactNode;
}) {
  return (
    <div className="flex flex-col items-center rounded-lg border border-dashed border-zinc-300 bg-white px-6 py-12 text-center dark:border-zinc-700 dark:bg-zinc-900">
      <Icon aria-hidden className="size-10 text-zinc-400" />
      <h2 className="mt-4 text-base font-semibold">{title}</h2>
      <div className="mt-2 max-w-xl space-y-2 text-sm text-zinc-600 dark:text-zinc-400">
        {children}
      </div>
    </div>
  );
}
