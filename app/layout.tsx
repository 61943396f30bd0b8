import type { Metadata } from "next";
import { connection } from "next/server";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Hookyard", template: "%s · Hookyard" },
  description:
    "Self-hostable webhook gateway: durable, signed, retried delivery with a team dashboard.",
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Rendered per request, every page: the script nonce of the security policy (proxy.ts) is
  // new each time, and a page prerendered at build time would carry none.
  await connection();
  return (
    <html lang="en">
      <body className="min-h-screen bg-zinc-50 font-sans text-zinc-900 antialiased dark:bg-zinc-950 dark:text-zinc-100">
        {children}
      </body>
    </html>
  );
}
