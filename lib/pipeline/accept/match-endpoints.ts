import "server-only";

/**
 * The matching rule as SQL over an endpoint row `ep` and an event row `e` (its `type` and
 * `source_id`), used by the batch commit (commit-batch.ts) and the fan-out cap (fan-out-cap.ts): an empty
 * event-type or source filter means "all"; an endpoint that lists sources takes only events
 * from those sources, never API events.
 */
export const ENDPOINT_MATCHES = `(cardinality(ep.event_types) = 0 or e.type = any(ep.event_types))
  and (cardinality(ep.source_ids) = 0 or e.source_id = any(ep.source_ids))`;
