/** An event as the ingest route or the API hands it to the accept stage. */
export type IncomingEvent = {
  teamId: string;
  sourceId: string | null;
  /** A paused source's events are stored with every delivery held. */
  holdDeliveries?: boolean;
  type: string;
  rawBody: Buffer;
  payload: unknown;
  contentType: string | null;
  headers: Record<string, string>;
  idempotencyKey: string | null;
  /** Deliveries sharing it go one at a time, in publish order, to endpoints ordering by key. */
  orderingKey?: string | null;
};

export type AcceptedEvent = {
  eventId: string;
  /** Deliveries created for the event, with the ones to send right away. */
  deliveryIds: string[];
  dueDeliveryIds: string[];
  duplicate: boolean;
};

/** How long an idempotency key dedupes; after it the key is released (commit-batch.ts). */
export const IDEMPOTENCY_WINDOW_SQL = "interval '24 hours'";
