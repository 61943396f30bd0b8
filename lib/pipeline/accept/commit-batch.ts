import "server-only";
import { isUtf8 } from "node:buffer";
import type { Database } from "@/db/client";
import { newId } from "@/db/ids";
import { runPrepared } from "@/db/prepared";
import { IDEMPOTENCY_WINDOW_SQL, type AcceptedEvent, type IncomingEvent } from "./incoming-event";
import { ENDPOINT_MATCHES } from "./match-endpoints";

// The group-commit path runs a fixed handful of statements per batch whatever its size (one, for
// a batch without idempotency keys), as named prepared statements (runPrepared) with one array
// parameter per column, unnested server-side. Every statement joins on team id.

const FIND_KEYS = `
  select k.i::int as i, e.id, e.received_at > now() - ${IDEMPOTENCY_WINDOW_SQL} as fresh
  from unnest($1::text[], $2::text[]) with ordinality as k(team_id, key, i)
  join events e on e.team_id = k.team_id and e.idempotency_key = k.key`;

// Past the window a key is free again; the old event keeps its history without it.
const RELEASE_KEYS = `
  update events e set idempotency_key = null
  from unnest($1::text[], $2::text[]) as k(team_id, id)
  where e.team_id = k.team_id and e.id = k.id`;

// Events and their deliveries in one statement, so one round trip and one commit per batch:
// a statement is a transaction of its own, and nothing of it is visible until it commits. The
// fan-out joins endpoints by match-endpoints.ts's rule; a delivery id is the event's ULID time and 64
// bits of md5 over (event, endpoint), unique per pair, still sorted by creation time.
const INSERT_EVENTS_AND_DELIVERIES = `
  with x as (
    select * from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[],
      $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::text[]) with ordinality
      as x(id, team_id, source_id, type, raw_body, payload, content_type, headers,
        idempotency_key, hold, json_body, ordering_key, n)
  ), e as (
    insert into events (id, team_id, source_id, type, raw_body, payload, content_type, headers,
      idempotency_key, ordering_key)
    select id, team_id, source_id, type,
      coalesce(decode(raw_body, 'hex'), convert_to(json_body, 'UTF8')),
      coalesce(payload, json_body)::jsonb, content_type, headers::jsonb, idempotency_key,
      ordering_key
    from x
    on conflict (team_id, idempotency_key) do nothing
    returning id, team_id, source_id, type
  ), d as (
    insert into deliveries
      (id, team_id, event_id, endpoint_id, event_type, status, next_attempt_at)
    select 'dlv_' || substr(e.id, 5, 10) || substr(md5(e.id || ep.id), 1, 16), e.team_id, e.id,
      ep.id, e.type, s.status::delivery_status, case when s.status = 'pending' then now() end
    from e
    join x on x.id = e.id and x.team_id = e.team_id
    join endpoints ep on ep.team_id = e.team_id and ${ENDPOINT_MATCHES}
    cross join lateral (select case when x.hold = 't' or ep.state <> 'enabled'
      then 'held' else 'pending' end as status) s
    returning id, team_id, event_id, endpoint_id, status
  ), q as (
    -- Its queue row (delivery-queue.ts), in publish order: held ones with no due time, and the
    -- ordering key only where the endpoint orders by key.
    insert into delivery_queue (delivery_id, team_id, endpoint_id, event_id, due_at, ordering_key)
    select d.id, d.team_id, d.endpoint_id, d.event_id,
      case when d.status = 'pending' then now() end,
      case when ep.ordering = 'key' then x.ordering_key end
    from d
    join x on x.id = d.event_id and x.team_id = d.team_id
    join endpoints ep on ep.id = d.endpoint_id and ep.team_id = d.team_id
    order by x.n, d.id
  )
  select e.id as event_id, d.id, d.status from e left join d on d.event_id = e.id`;

const DELIVERIES_OF = `
  select d.event_id, d.id
  from unnest($1::text[], $2::text[]) as k(team_id, event_id)
  join deliveries d on d.team_id = k.team_id and d.event_id = k.event_id`;

const column = <T>(items: T[], pick: (item: T) => unknown) => items.map(pick);
const duplicateOf = (eventId: string): AcceptedEvent => ({
  eventId,
  deliveryIds: [],
  dueDeliveryIds: [],
  duplicate: true,
});

/**
 * A body that is the event's JSON payload, as text: sent once and stored both byte-exact
 * (convert_to) and as jsonb, rather than as hex plus a re-serialised copy. Only valid UTF-8
 * qualifies (text must give back the same bytes); anything else travels as hex.
 */
function jsonBodyText(event: IncomingEvent): string | null {
  if (event.payload == null || !isUtf8(event.rawBody)) return null;
  return event.rawBody.toString("utf8");
}

/** The stored events holding these idempotency keys: batch index → (id, still fresh). */
async function storedKeys(db: Database, batch: IncomingEvent[], indexes: number[]) {
  const rows = await runPrepared<{ i: number; id: string; fresh: boolean }>(db, FIND_KEYS, [
    column(indexes, (i) => batch[i]!.teamId),
    column(indexes, (i) => batch[i]!.idempotencyKey),
  ]);
  return new Map(rows.map((row) => [indexes[row.i - 1]!, row]));
}

/**
 * Stores a batch of events and their deliveries in ONE transaction (one statement), with the
 * same rules as acceptEvent: once this resolves every event of the batch is durable. Looking up
 * and releasing expired keys come before it, each atomic on its own: a release that commits
 * without the insert only frees a key that was free by the rules already. Idempotency keys dedupe
 * against stored events (24 h window) and within the batch (the first request with a key wins;
 * the others answer its id and create nothing). Answers are in the batch's order.
 */
export async function acceptBatch(db: Database, batch: IncomingEvent[]): Promise<AcceptedEvent[]> {
  const results: (AcceptedEvent | undefined)[] = new Array(batch.length);
  const firstWithKey = new Map<string, number>();
  const sameKeyAs = new Map<number, number>();
  batch.forEach((event, i) => {
    if (!event.idempotencyKey) return;
    const key = `${event.teamId}\n${event.idempotencyKey}`;
    const first = firstWithKey.get(key);
    if (first === undefined) firstWithKey.set(key, i);
    else sameKeyAs.set(i, first);
  });

  const keyed = [...firstWithKey.values()];
  if (keyed.length > 0) {
    const found = await storedKeys(db, batch, keyed);
    const stale = [...found].filter(([, row]) => !row.fresh);
    for (const [i, row] of found) if (row.fresh) results[i] = duplicateOf(row.id);
    if (stale.length > 0)
      await runPrepared(db, RELEASE_KEYS, [
        column(stale, ([i]) => batch[i]!.teamId),
        column(stale, ([, row]) => row.id),
      ]);
  }

  const fresh = batch
    .map((event, i) => ({ event, i, id: newId("evt") }))
    .filter(({ i }) => results[i] === undefined && !sameKeyAs.has(i));
  const jsonBodies = batch.map(jsonBodyText);
  type Inserted = { event_id: string; id: string | null; status: string | null };
  const rows = await (fresh.length === 0
    ? Promise.resolve([] as Inserted[])
    : runPrepared<Inserted>(db, INSERT_EVENTS_AND_DELIVERIES, [
        column(fresh, (f) => f.id),
        column(fresh, (f) => f.event.teamId),
        column(fresh, (f) => f.event.sourceId),
        column(fresh, (f) => f.event.type),
        column(fresh, (f) => (jsonBodies[f.i] === null ? f.event.rawBody.toString("hex") : null)),
        column(fresh, (f) =>
          f.event.payload == null || jsonBodies[f.i] !== null
            ? null
            : JSON.stringify(f.event.payload),
        ),
        column(fresh, (f) => f.event.contentType),
        column(fresh, (f) => JSON.stringify(f.event.headers)),
        column(fresh, (f) => f.event.idempotencyKey),
        // Booleans as text: the driver would type a boolean array as one boolean.
        column(fresh, (f) => (f.event.holdDeliveries === true ? "t" : "f")),
        column(fresh, (f) => jsonBodies[f.i]),
        column(fresh, (f) => f.event.orderingKey ?? null),
      ]));
  const stored = new Map<string, AcceptedEvent>();
  for (const row of rows) {
    const accepted = stored.get(row.event_id) ?? {
      eventId: row.event_id,
      deliveryIds: [],
      dueDeliveryIds: [],
      duplicate: false,
    };
    stored.set(row.event_id, accepted);
    if (row.id) accepted.deliveryIds.push(row.id);
    if (row.id && row.status === "pending") accepted.dueDeliveryIds.push(row.id);
  }
  for (const { i, id } of fresh) results[i] = stored.get(id);

  // A key lost to a concurrent request (another process) that committed first.
  const lost = fresh.filter((f) => !stored.has(f.id)).map((f) => f.i);
  if (lost.length > 0)
    for (const [i, row] of await storedKeys(db, batch, lost)) results[i] = duplicateOf(row.id);

  const duplicates = results.flatMap((r, i) => (r?.duplicate ? [{ i, r }] : []));
  if (duplicates.length > 0) {
    const rows = await runPrepared<{ event_id: string; id: string }>(db, DELIVERIES_OF, [
      column(duplicates, (d) => batch[d.i]!.teamId),
      column(duplicates, (d) => d.r.eventId),
    ]);
    for (const { r } of duplicates)
      r.deliveryIds = rows.filter((row) => row.event_id === r.eventId).map((row) => row.id);
  }
  for (const [i, first] of sameKeyAs)
    results[i] = { ...results[first]!, dueDeliveryIds: [], duplicate: true };
  return results as AcceptedEvent[];
}
