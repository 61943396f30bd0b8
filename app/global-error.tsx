"use client";

import { RouteError } from "@/components/ui/route-error";
import "./globals.css";

// The root layout failed: this replaces it, so it brings its own document and styles.
export default function GlobalError({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <html lang="en">
      <body className="min-h-screen bg-zinc-50 font-sans text-zinc-900 antialiased dark:bg-zinc-950 dark:text-zinc-100">
        <title>Error · Hookyard</title>
        <RouteError
          error={error}
          retry={retry}
          link={{ href: "/", label: "Go to your dashboard" }}
          standalone
        />
      </body>
    </html>
  );
}
