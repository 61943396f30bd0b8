import postgres from "postgres";
import { LATENCY_BUCKET_BOUNDS_MS, RETRY_DEPTH_BUCKET_COUNT } from "@/lib/stats/latency-buckets";

// Set-based seed of a dashboard-sized database: every table is filled by one
// `insert … select from generate_series`, in the real (logged, indexed, constrained) schema.

export const SEED_TEAM = "team_bench_main";
const OTHER_TEAM = "team_bench_other";
export const MAIN_ENDPOINTS = 20;
const OTHER_ENDPOINTS = 3;
const EVENT_TYPES = ["invoice.paid", "invoice.failed", "customer.created", "order.shipped", "ping"];

/**
 * Seeds `deliveries` rows (two per event, as a two-endpoint fan-out writes them: same event,
 * same created_at), three attempts each, and the hourly rollup built from those attempts.
 * One event in ten belongs to a second team, so every query's team filter has rows to skip.
 */
export async function seedDashboard(url: string, deliveries: number): Promise<void> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  const events = Math.ceil(deliveries / 2);
  try {
    // Session settings only (the index maintenance of a 1M-row insert likes memory); the schema
    // is untouched. synchronous_commit stays on: with it off, the vacuum right after the commit
    // may not set hint bits yet, and the tables would be left without their visibility map.
    await sql`set work_mem = '64MB'`;
    await sql`set maintenance_work_mem = '256MB'`;
    await sql.begin(async (tx) => {
      await tx`insert into teams (id, slug, name) values
        (${SEED_TEAM}, 'bench-main', 'Bench main'), (${OTHER_TEAM}, 'bench-other', 'Bench other')`;
      // Endpoint 19 of the main team is disabled: its recent deliveries are held.
      await tx`insert into endpoints (id, team_id, url, secret_encrypted, state, created_at)
        select 'ep_bench_main_' || lpad(n::text, 2, '0'), ${SEED_TEAM},
          'https://hooks.example.com/main/' || n, 'not-a-real-ciphertext',
          (case when n = ${MAIN_ENDPOINTS - 1} then 'disabled' else 'enabled' end)::endpoint_state,
          now() - interval '40 days' + n * interval '1 minute'
        from generate_series(0, ${MAIN_ENDPOINTS - 1}) n
        union all
        select 'ep_bench_other_' || n, ${OTHER_TEAM}, 'https://hooks.example.com/other/' || n,
          'not-a-real-ciphertext', 'enabled', now() - interval '40 days'
        from generate_series(0, ${OTHER_ENDPOINTS - 1}) n`;
      // Event e arrived at now - 30 days + e/events of 30 days, so time follows insertion order.
      await tx`insert into events (id, team_id, type, raw_body, payload, content_type, headers, received_at)
        select 'evt_bench_' || lpad(e::text, 10, '0'),
          case when e % 10 = 9 then ${OTHER_TEAM} else ${SEED_TEAM} end,
          (${EVENT_TYPES}::text[])[1 + e % ${EVENT_TYPES.length}],
          convert_to(body, 'UTF8'), body::jsonb, 'application/json',
          '{"content-type":"application/json","user-agent":"bench"}'::jsonb,
          now() - interval '30 days' + (e::float8 / ${events}) * interval '30 days'
        from generate_series(0, ${events - 1}) e,
          lateral (select '{"id":' || e || ',"amount":' || (e * 37) % 10000 || ',"currency":"eur"}' as body) b`;
      await tx`insert into deliveries (id, team_id, event_id, endpoint_id, event_type, status,
          attempt_count, next_attempt_at, last_attempt_at, last_status_code, last_error,
          succeeded_at, created_at, updated_at)
        select 'dlv_bench_' || lpad(d::text, 10, '0'), ev.team_id, ev.id, ep, ev.type, st, 3,
          case when st = 'pending' then ev.received_at + interval '40 minutes' end,
          ev.received_at + interval '5 minutes',
          case when st = 'succeeded' then 200 else 503 end,
          case when st = 'succeeded' then null else 'HTTP 503' end,
          case when st = 'succeeded' then ev.received_at + interval '5 minutes' end,
          ev.received_at, ev.received_at + interval '5 minutes'
        from events ev, generate_series(0, 1) k,
        lateral (select substr(ev.id, 11)::bigint * 2 + k as d) n,
        lateral (select case when ev.team_id = ${OTHER_TEAM}
            then 'ep_bench_other_' || ((d / 2 + d % 2) % ${OTHER_ENDPOINTS})
            else 'ep_bench_main_' || lpad(((d / 2 + (d % 2) * 7) % ${MAIN_ENDPOINTS})::text, 2, '0')
          end as ep) p,
        lateral (select (case
            when p.ep = ${`ep_bench_main_${MAIN_ENDPOINTS - 1}`}
              and ev.received_at > now() - interval '3 days' then 'held'
            when hashtext(d::text) & 1023 < 51 then 'failed'
            when ev.received_at > now() - interval '1 hour' and hashtext(d::text) & 1023 < 300 then 'pending'
            else 'succeeded' end)::delivery_status as st) s`;
      // Attempts 1 and 2 failed (503, then a timeout); attempt 3 decided: 200 if the delivery
      // succeeded, 503 otherwise. Latencies vary so the histograms have shape.
      await tx`insert into attempts (id, team_id, delivery_id, number, started_at, duration_ms,
          request_url, request_headers, response_status, response_body, error_kind, error_message, created_at)
        select 'att_bench_' || lpad(substr(d.id, 11), 10, '0') || '_' || n, d.team_id, d.id, n,
          d.created_at + (array[interval '1 second', interval '6 seconds', interval '5 minutes'])[n],
          case when n = 2 then 15000 else 20 + (hashtext(d.id) & 1023) * n end,
          'https://hooks.example.com/' || d.endpoint_id,
          '{"content-type":"application/json","webhook-id":"x","webhook-signature":"[redacted]"}'::jsonb,
          case when n = 2 then null when n = 3 and d.status = 'succeeded' then 200 else 503 end,
          case when n = 3 and d.status = 'succeeded' then '{"ok":true}' when n = 2 then null
            else 'Service Unavailable' end,
          case when n = 2 then 'timeout'::attempt_error_kind
            when n = 3 and d.status = 'succeeded' then null else 'http_status' end,
          case when n = 2 then 'timed out after 15000 ms' end,
          d.created_at + (array[interval '1 second', interval '6 seconds', interval '5 minutes'])[n]
        from deliveries d, generate_series(1, 3) n`;
      await tx.unsafe(rollupInsert());
    });
    // Autovacuum would have visited tables this old (PG 13+ vacuums insert-only tables too), so
    // the visibility map is set, as index-only scans in production would find it.
    await sql`vacuum analyze`;
    // Flush the seed's dirty pages now rather than during the timed runs (needs a superuser or
    // pg_checkpoint; without it the timings are only noisier).
    await sql`checkpoint`.catch(() => {});
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/** The rollup recordAttemptStats would have written for the seeded attempts, in one group-by. */
function rollupInsert(): string {
  const bounds = `array[${LATENCY_BUCKET_BOUNDS_MS.join(",")}]`;
  const latency = Array.from(
    { length: LATENCY_BUCKET_BOUNDS_MS.length + 1 },
    // latencyBucket() puts d in the first bucket whose bound is ≥ d: width_bucket(d - 1, …).
    (_, i) => `count(*) filter (where width_bucket(a.duration_ms - 1, ${bounds}) = ${i})::int`,
  );
  const depth = Array.from(
    { length: RETRY_DEPTH_BUCKET_COUNT },
    (_, i) =>
      `count(*) filter (where fin and ok and least(a.number, ${RETRY_DEPTH_BUCKET_COUNT}) = ${i + 1})::int`,
  );
  return `
    insert into endpoint_stats_hourly (team_id, endpoint_id, hour, attempts_succeeded,
      attempts_failed, deliveries_succeeded, deliveries_failed, succeeded_after_retry,
      eventual_success_ms_sum, latency_histogram, retry_depth_histogram)
    select a.team_id, d.endpoint_id, date_trunc('hour', a.started_at),
      count(*) filter (where ok)::int, count(*) filter (where not ok)::int,
      count(*) filter (where fin and ok)::int, count(*) filter (where fin and not ok)::int,
      count(*) filter (where fin and ok and a.number > 1)::int,
      coalesce(sum(extract(epoch from a.started_at - d.created_at) * 1000 + a.duration_ms)
        filter (where fin and ok), 0)::bigint,
      array[${latency.join(", ")}], array[${depth.join(", ")}]
    from attempts a
    join deliveries d on d.id = a.delivery_id,
    lateral (select coalesce(a.response_status between 200 and 299, false) as ok,
      a.number = 3 and d.status in ('succeeded', 'failed') as fin) f
    group by a.team_id, d.endpoint_id, date_trunc('hour', a.started_at)`;
}
