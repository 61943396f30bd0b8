import "server-only";
import type { Executor } from "@/db/client";
import { ingestRejections } from "@/db/schema";

/** Rejected bodies are kept only this far: enough to diagnose, too little to fill the disk. */
export const MAX_REJECTED_BODY_BYTES = 16 * 1024;

// Credentials of the caller are never stored, nor anything else that could let a reader
// impersonate them.
const UNSTORED_HEADERS = new Set(["authorization", "cookie", "proxy-authorization"]);
const MAX_HEADER_VALUE = 2048;

/** A request's headers without the caller's credentials: what events and rejections keep. */
export function storableHeaders(headers: Headers, maxValueLength = Infinity) {
  const kept: Record<string, string> = {};
  headers.forEach((value, name) => {
    if (!UNSTORED_HEADERS.has(name)) kept[name] = value.slice(0, maxValueLength);
  });
  return kept;
}

/**
 * Keeps a request that failed its source's signature check so the team can see why. The
 * source's secret is never part of it: only what the sender sent and the reason it failed.
 */
export async function recordRejection(
  db: Executor,
  params: { teamId: string; sourceId: string; headers: Headers; body: Buffer; reason: string },
) {
  await db.insert(ingestRejections).values({
    teamId: params.teamId,
    sourceId: params.sourceId,
    headers: storableHeaders(params.headers, MAX_HEADER_VALUE),
    body: params.body.subarray(0, MAX_REJECTED_BODY_BYTES),
    bodySize: params.body.length,
    reason: params.reason.slice(0, 500),
  });
}
