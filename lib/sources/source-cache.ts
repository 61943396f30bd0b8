import "server-only";
import type { Database } from "@/db/client";
import { findIngestSource, type IngestSource } from "./find-ingest-source";

// Bounds the memory a flood of made-up tokens can take: past it the cache starts over.
const MAX_ENTRIES = 10_000;

// Bumped by every change to a source in this process, so its own caches never serve the old row.
// On globalThis: Next bundles route handlers and server actions separately, each with its own
// copy of this module, and a pause made by an action must reach the ingest route's cache.
const shared = globalThis as { hookyardSourceGeneration?: number };
const currentGeneration = () => shared.hookyardSourceGeneration ?? 0;

/** Called after a source changes or disappears: this process's caches drop what they hold. */
export function forgetCachedSources(): void {
  shared.hookyardSourceGeneration = currentGeneration() + 1;
}

/**
 * Source lookups by ingest token, kept `ttlMs` so a busy source costs one query per TTL rather
 * than one per request. Unknown tokens are kept too, and concurrent lookups of one token share a
 * query. A change made in this process applies at once (forgetCachedSources); one made by
 * another process (a second app instance, the dashboard beside the standalone listener) may
 * take up to `ttlMs`: a pause, a new secret or rule, a deleted source. What a late pause lets
 * through is delivered; what a late resume holds is released by the sweeper (see
 * docs/decisions/ingest.md, "Source cache in the listener"). ttlMs = 0 turns the cache off.
 */
export function createSourceCache(db: Database, ttlMs: number) {
  const entries = new Map<
    string,
    { until: number; generation: number; source: Promise<IngestSource | null> }
  >();
  return (token: string): Promise<IngestSource | null> => {
    if (ttlMs <= 0) return findIngestSource(db, token);
    const now = Date.now();
    const hit = entries.get(token);
    const generation = currentGeneration();
    if (hit && hit.until > now && hit.generation === generation) return hit.source;
    if (entries.size >= MAX_ENTRIES) entries.clear();
    const source = findIngestSource(db, token);
    entries.set(token, { until: now + ttlMs, generation, source });
    // A failed lookup (database down) is not remembered.
    source.catch(() => entries.delete(token));
    return source;
  };
}
