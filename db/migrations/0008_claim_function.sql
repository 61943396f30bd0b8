-- The claim of due deliveries, in one round trip, for every driver (worker, after-response,
-- sweeper). A function because it is a loop: endpoints with due work are visited round robin
-- from the caller's cursor, each gets a fair share of the claim, cut to what its rate limit and
-- its requests in flight allow, and ordered keys give only their head. See
-- docs/decisions/scheduler.md.
--
-- p_ids: claim only these deliveries (the after-response path); p_after: the endpoint the
-- caller's previous claim reached; p_horizon_ms: how far ahead a rate-limited send may be
-- scheduled. Each row comes with send_at_ms: when (epoch ms) it may be sent, 0 for at once (an
-- absolute time: a worker that reads the answer late must not shift its slot), and what sending
-- needs (event and endpoint), read here: a statement around the call has a snapshot older than
-- the rows the function claims, so a join outside it could miss an event committed meanwhile. A last row with
-- a null delivery_id carries in endpoint_id where the walk stopped: the caller's next p_after.
CREATE OR REPLACE FUNCTION hookyard_claim(
  p_limit int, p_lease_ms int, p_skip_endpoints text[], p_skip_teams text[],
  p_after text, p_ids text[], p_horizon_ms int)
RETURNS TABLE(delivery_id text, team_id text, endpoint_id text, event_id text,
  send_at_ms float8, rate_interval_ms int, event_type text, received_at timestamptz,
  raw_body bytea, content_type text, url text, headers jsonb, state endpoint_state,
  timeout_ms int, secret_encrypted text, previous_secret_encrypted text,
  previous_secret_expires_at timestamptz, retry_schedule text)
LANGUAGE plpgsql AS $$
#variable_conflict use_column
DECLARE
  v_now timestamptz := clock_timestamp();
  v_lease timestamptz := v_now + p_lease_ms * interval '1 millisecond';
  v_candidates text[] := '{}';
  v_hungry text[] := '{}';
  v_cursor text := coalesce(p_after, '');
  v_start text := coalesce(p_after, '');
  v_wrapped boolean := false;
  v_probes int := 0;
  v_next text;
  v_left int := p_limit;
  v_pass int;
  v_share int;
  v_take int;
  v_cap int;
  v_inflight int;
  v_interval interval;
  v_slot timestamptz;
  v_ids text[];
  v_keyed text[];
  ep record;
BEGIN
  IF p_limit <= 0 THEN RETURN; END IF;

  IF p_ids IS NOT NULL THEN
    SELECT coalesce(array_agg(DISTINCT q.endpoint_id), '{}') INTO v_candidates
    FROM delivery_queue q WHERE q.delivery_id = ANY(p_ids) AND q.due_at <= v_now
      AND q.endpoint_id <> ALL(p_skip_endpoints);
  ELSE
    -- Endpoints that have queue rows, in id order from the cursor, wrapping once; each probe
    -- is an index lookup. Bounded, so a claim costs the same however many endpoints wait:
    -- the next claim goes on from where this one stopped.
    LOOP
      EXIT WHEN v_probes >= p_limit * 4 + 8 OR cardinality(v_candidates) >= p_limit;
      SELECT least(
        (SELECT min(q.endpoint_id) FROM delivery_queue q
          WHERE q.ordering_key IS NULL AND q.endpoint_id > v_cursor),
        (SELECT min(q.endpoint_id) FROM delivery_queue q
          WHERE q.ordering_key IS NOT NULL AND q.endpoint_id > v_cursor)) INTO v_next;
      IF v_next IS NULL THEN
        EXIT WHEN v_wrapped OR v_start = '';
        v_wrapped := true;
        v_cursor := '';
        CONTINUE;
      END IF;
      EXIT WHEN v_wrapped AND v_next > v_start;
      v_cursor := v_next;
      v_probes := v_probes + 1;
      CONTINUE WHEN v_next = ANY(p_skip_endpoints);
      CONTINUE WHEN cardinality(p_skip_teams) > 0 AND EXISTS (SELECT 1 FROM endpoints p
        WHERE p.id = v_next AND p.team_id = ANY(p_skip_teams));
      IF EXISTS (SELECT 1 FROM delivery_queue q WHERE q.endpoint_id = v_next
                   AND q.ordering_key IS NULL AND q.due_at <= v_now)
         OR EXISTS (SELECT 1 FROM delivery_queue q WHERE q.endpoint_id = v_next
                   AND q.ordering_key IS NOT NULL AND q.due_at <= v_now) THEN
        v_candidates := v_candidates || v_next;
      END IF;
    END LOOP;
  END IF;
  IF p_ids IS NULL THEN
    RETURN QUERY SELECT NULL::text, NULL::text, v_cursor, NULL::text, NULL::float8, NULL::int,
      NULL::text, NULL::timestamptz, NULL::bytea, NULL::text, NULL::text, NULL::jsonb,
      NULL::endpoint_state, NULL::int, NULL::text, NULL::text, NULL::timestamptz, NULL::text;
  END IF;
  IF cardinality(v_candidates) = 0 THEN RETURN; END IF;

  -- Two passes: a fair share each first, then what is left to those that had more.
  FOR v_pass IN 1..2 LOOP
    EXIT WHEN v_left <= 0 OR cardinality(v_candidates) = 0;
    v_share := CASE WHEN v_pass = 1 THEN ceil(v_left::numeric / cardinality(v_candidates))::int
                    ELSE v_left END;
    v_hungry := '{}';
    FOR ep IN
      SELECT p.id, p.team_id, p.state, p.rate_limit_per_second, p.max_in_flight
      FROM endpoints p WHERE p.id = ANY(v_candidates)
      ORDER BY array_position(v_candidates, p.id)
    LOOP
      EXIT WHEN v_left <= 0;
      CONTINUE WHEN ep.team_id = ANY(p_skip_teams);
      IF ep.state <> 'enabled' THEN
        -- No attempt starts for an endpoint that is not enabled: what became due while it was
        -- being paused or disabled is held, as the pause would have held it.
        WITH held AS (
          UPDATE delivery_queue q SET due_at = NULL, leased_until = NULL
          WHERE q.endpoint_id = ep.id AND q.due_at <= v_now
          RETURNING q.delivery_id)
        UPDATE deliveries d SET status = 'held', next_attempt_at = NULL, updated_at = now()
        FROM held WHERE d.id = held.delivery_id AND d.status = 'pending';
        CONTINUE;
      END IF;

      v_take := least(v_share, v_left);
      v_cap := v_take;
      v_interval := NULL;
      IF ep.max_in_flight IS NOT NULL OR ep.rate_limit_per_second IS NOT NULL THEN
        -- One claim at a time per limited endpoint (its row in endpoint_send_rates, locked to
        -- the end of this claim), so two workers cannot both count the same free room.
        INSERT INTO endpoint_send_rates AS r (endpoint_id, next_slot_at) VALUES (ep.id, v_now)
        ON CONFLICT (endpoint_id) DO NOTHING;
        SELECT greatest(r.next_slot_at, clock_timestamp()) INTO v_slot FROM endpoint_send_rates r
        WHERE r.endpoint_id = ep.id FOR UPDATE;
      END IF;
      IF ep.max_in_flight IS NOT NULL THEN
        SELECT count(*) INTO v_inflight FROM delivery_queue q
        WHERE q.endpoint_id = ep.id AND q.leased_until > clock_timestamp();
        v_take := least(v_take, ep.max_in_flight - v_inflight);
      END IF;
      IF ep.rate_limit_per_second IS NOT NULL THEN
        v_interval := interval '1 second' / ep.rate_limit_per_second;
        v_take := least(v_take, floor(
          extract(epoch FROM clock_timestamp() + p_horizon_ms * interval '1 millisecond' - v_slot)
          / extract(epoch FROM v_interval))::int + 1);
      END IF;
      CONTINUE WHEN v_take <= 0;

      SELECT coalesce(array_agg(x.delivery_id), '{}') INTO v_ids FROM (
        SELECT q.delivery_id FROM delivery_queue q
        WHERE q.endpoint_id = ep.id AND q.ordering_key IS NULL AND q.due_at <= v_now
          AND (p_ids IS NULL OR q.delivery_id = ANY(p_ids))
        ORDER BY q.due_at LIMIT v_take FOR UPDATE SKIP LOCKED) x;

      IF cardinality(v_ids) < v_take THEN
        -- Ordered keys: only a key's first row in the queue (its head) may go, and only when
        -- due (a head in flight is leased, so not due: its key waits).
        WITH RECURSIVE keys(k) AS (
          (SELECT q.ordering_key FROM delivery_queue q
            WHERE q.endpoint_id = ep.id AND q.ordering_key IS NOT NULL
            ORDER BY q.ordering_key LIMIT 1)
          UNION ALL
          SELECT (SELECT q.ordering_key FROM delivery_queue q
            WHERE q.endpoint_id = ep.id AND q.ordering_key > keys.k
            ORDER BY q.ordering_key LIMIT 1)
          FROM keys WHERE keys.k IS NOT NULL)
        SELECT coalesce(array_agg(h.delivery_id), '{}') INTO v_keyed FROM (
          SELECT head.delivery_id FROM keys CROSS JOIN LATERAL (
            SELECT q.delivery_id, q.due_at FROM delivery_queue q
            WHERE q.endpoint_id = ep.id AND q.ordering_key = keys.k
            ORDER BY q.seq LIMIT 1) head
          WHERE keys.k IS NOT NULL AND head.due_at <= v_now
            AND (p_ids IS NULL OR head.delivery_id = ANY(p_ids))
          LIMIT v_take - cardinality(v_ids)) h;
        IF cardinality(v_keyed) > 0 THEN
          SELECT v_ids || coalesce(array_agg(q.delivery_id), '{}') INTO v_ids FROM (
            SELECT q.delivery_id FROM delivery_queue q
            WHERE q.delivery_id = ANY(v_keyed) AND q.due_at <= v_now
            FOR UPDATE SKIP LOCKED) q;
        END IF;
      END IF;
      CONTINUE WHEN cardinality(v_ids) = 0;

      RETURN QUERY
        WITH picked AS (
          SELECT u.id, u.i FROM unnest(v_ids) WITH ORDINALITY AS u(id, i)),
        claimed AS (
          UPDATE delivery_queue q SET due_at = v_lease, leased_until = v_lease
          FROM picked WHERE q.delivery_id = picked.id
          RETURNING q.delivery_id, q.team_id, q.endpoint_id, q.event_id, picked.i)
        SELECT c.delivery_id, c.team_id, c.endpoint_id, c.event_id,
          CASE WHEN v_interval IS NULL THEN 0::float8
            ELSE extract(epoch FROM v_slot + (c.i - 1) * v_interval)::float8 * 1000 END,
          CASE WHEN v_interval IS NULL THEN 0
            ELSE ceil(extract(epoch FROM v_interval) * 1000)::int END,
          e.type, e.received_at, e.raw_body, e.content_type, p.url, p.headers, p.state,
          p.timeout_ms, p.secret_encrypted, p.previous_secret_encrypted,
          p.previous_secret_expires_at, p.retry_schedule
        FROM claimed c
        JOIN events e ON e.id = c.event_id AND e.team_id = c.team_id
        JOIN endpoints p ON p.id = c.endpoint_id AND p.team_id = c.team_id
        ORDER BY c.i;
      IF v_interval IS NOT NULL THEN
        UPDATE endpoint_send_rates r SET next_slot_at = v_slot + cardinality(v_ids) * v_interval
        WHERE r.endpoint_id = ep.id;
      END IF;
      v_left := v_left - cardinality(v_ids);
      IF cardinality(v_ids) = v_cap THEN v_hungry := v_hungry || ep.id; END IF;
    END LOOP;
    v_candidates := v_hungry;
  END LOOP;
END $$;
--> statement-breakpoint
-- One send slot for a manual resend of a rate-limited endpoint: when (epoch ms) it may go (0:
-- at once, no limit), or null when the next slot is further away than p_horizon_ms (the caller
-- answers "busy").
CREATE OR REPLACE FUNCTION hookyard_take_send_slot(p_endpoint_id text, p_horizon_ms int)
RETURNS float8 LANGUAGE plpgsql AS $$
DECLARE
  v_now timestamptz := clock_timestamp();
  v_limit int;
  v_slot timestamptz;
BEGIN
  SELECT p.rate_limit_per_second INTO v_limit FROM endpoints p WHERE p.id = p_endpoint_id;
  IF v_limit IS NULL THEN RETURN 0; END IF;
  INSERT INTO endpoint_send_rates (endpoint_id, next_slot_at) VALUES (p_endpoint_id, v_now)
  ON CONFLICT (endpoint_id) DO NOTHING;
  SELECT greatest(r.next_slot_at, v_now) INTO v_slot FROM endpoint_send_rates r
  WHERE r.endpoint_id = p_endpoint_id FOR UPDATE;
  IF v_slot > v_now + p_horizon_ms * interval '1 millisecond' THEN RETURN NULL; END IF;
  UPDATE endpoint_send_rates r SET next_slot_at = v_slot + interval '1 second' / v_limit
  WHERE r.endpoint_id = p_endpoint_id;
  RETURN extract(epoch FROM v_slot)::float8 * 1000;
END $$;
