import "server-only";
import { headers } from "next/headers";
import { getEnv } from "@/lib/env";

/** The origin the current page was requested on (or HOOKYARD_PUBLIC_URL), for copyable examples. */
export async function publicOrigin(): Promise<string> {
  const configured = getEnv().HOOKYARD_PUBLIC_URL;
  if (configured) return configured.replace(/\/$/, "");
  const h = await headers();
  const host = h.get("x-forwarded-host") ?? h.get("host") ?? "localhost:3000";
  const protocol =
    h.get("x-forwarded-proto") ??
    (host.startsWith("localhost") || host.startsWith("127.") ? "http" : "https");
  return `${protocol}://${host}`;
}
