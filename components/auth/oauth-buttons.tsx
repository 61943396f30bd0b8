"use client";

import { signIn } from "next-auth/react";

/** One button per configured provider; next-auth runs the redirect dance. */
export function OAuthButtons({
  providers,
  next,
}: {
  providers: { id: string; name: string }[];
  next: string;
}) {
  if (providers.length === 0) return null;
  return (
    <div className="mb-4 space-y-2">
      {providers.map((provider) => (
        <button
          key={provider.id}
          type="button"
          onClick={() => void signIn(provider.id, { callbackUrl: next })}
          className="w-full rounded-md border border-zinc-300 px-4 py-2 text-sm font-medium hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800"
        >
          Continue with {provider.name}
        </button>
      ))}
      <p className="text-center text-xs text-zinc-500 dark:text-zinc-400">or with email</p>
    </div>
  );
}
