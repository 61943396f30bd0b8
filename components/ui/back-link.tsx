import Link from "next/link";

/** The "← Up" link above a page's header, back to the list or page it was opened from. */
export function BackLink({ href, children }: { href: string; children: string }) {
  return (
    <Link
      href={href}
      className="mb-2 inline-block text-sm text-indigo-700 underline dark:text-indigo-300"
    >
      ← {children}
    </Link>
  );
}
