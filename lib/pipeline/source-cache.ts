import "server-only";
import type { Database } from "@/db/client";
import { findIngestSource, type IngestSource } from "./ingest-source";

// Bounds the memory a flood of made-up tokens can take: past it the cache starts over.
const MAX_ENTRIES = 10_000;

/**
 * Source lookups by ingest token, kept `ttlMs` in this process (the standalone listener) so a
 * busy source costs one query per TTL rather than one per request. Unknown tokens are kept too,
 * and concurrent lookups of one token share a query. Staleness allowed: for up to `ttlMs` a
 * paused/resumed source, a changed secret or rule, or a deleted source or rotated token still
 * answer as before (see docs/decisions.md). ttlMs = 0 turns the cache off.
 */
export function createSourceCache(db: Database, ttlMs: number) {
  const entries = new Map<string, { until: number; source: Promise<IngestSource | null> }>();
  return (token: string): Promise<IngestSource | null> => {
    if (ttlMs <= 0) return findIngestSource(db, token);
    const now = Date.now();
    const hit = entries.get(token);
    if (hit && hit.until > now) return hit.source;
    if (entries.size >= MAX_ENTRIES) entries.clear();
    const source = findIngestSource(db, token);
    entries.set(token, { until: now + ttlMs, source });
    // A failed lookup (database down) is not remembered.
    source.catch(() => entries.delete(token));
    return source;
  };
}
