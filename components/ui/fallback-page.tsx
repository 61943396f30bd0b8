import Link from "next/link";

/**
 * What a route shows instead of its page (not found, an error): a heading, what happened, and
 * where to go next. `standalone` when nothing frames it (outside the dashboard's shell).
 */
export function FallbackPage({
  title,
  children,
  link,
  action,
  standalone = false,
}: {
  title: string;
  children: React.ReactNode;
  link: { href: string; label: string };
  action?: React.ReactNode;
  standalone?: boolean;
}) {
  const Frame = standalone ? "main" : "div";
  return (
    <Frame className={standalone ? "mx-auto max-w-xl px-6 py-24" : "max-w-xl py-6"}>
      <h1 className="text-2xl font-semibold">{title}</h1>
      <div className="mt-3 space-y-2 text-sm text-zinc-600 dark:text-zinc-400">{children}</div>
      <div className="mt-6 flex items-center gap-4">
        {action}
        <Link
          href={link.href}
          className="text-sm font-medium text-indigo-600 underline dark:text-indigo-400"
        >
          {link.label}
        </Link>
      </div>
    </Frame>
  );
}
