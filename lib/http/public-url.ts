import "server-only";
import { getEnv } from "@/lib/env";

/** The origin public URLs (ingest URLs) are built on: HOOKYARD_PUBLIC_URL, else the request's. */
export function publicBaseUrl(request: Request): string {
  return getEnv().HOOKYARD_PUBLIC_URL ?? new URL(request.url).origin;
}
