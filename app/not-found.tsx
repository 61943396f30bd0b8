import Link from "next/link";

export default function NotFound() {
  return (
    <main className="mx-auto max-w-xl px-6 py-24">
      <h1 className="text-2xl font-semibold">Not found</h1>
      <p className="mt-3 text-sm text-zinc-600 dark:text-zinc-400">
        This page or team does not exist, or it is not yours to see.
      </p>
      <Link
        href="/"
        className="mt-6 inline-block text-sm font-medium text-indigo-600 underline dark:text-indigo-400"
      >
        Go to your dashboard
      </Link>
    </main>
  );
}
