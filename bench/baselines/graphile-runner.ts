// Baseline of the delivery bench: graphile-worker, tuned as its docs advise for throughput
// (batched job fetching through a local queue, completions not delayed), whose one task POSTs
// the same body to the same receiver with a keep-alive undici pool, as Hookyard's worker does.
// Adds JOBS jobs (none when 0), then works until no job is left and exits; ADD_ONLY=1 only adds,
// so several runners can start together on one queue. With LOG_TEAM_ID set, job i stands for the
// seeded delivery dlv_bench<i> and its task also writes the log a user building this themselves
// would: the attempt row and the delivery's outcome, in one statement after the answer.
import { makeWorkerUtils, run } from "graphile-worker";
import { Pool } from "undici";

const { DATABASE_URL, RECEIVER_URL, JOBS, BODY, LOG_TEAM_ID } = process.env as Record<
  string,
  string
>;
const target = new URL(RECEIVER_URL!);
const pool = new Pool(target.origin, { connections: 64, pipelining: 1 });

const utils = await makeWorkerUtils({ connectionString: DATABASE_URL });
await utils.migrate();
const total = Number(JOBS);
for (let i = 0; i < total; i += 1000) {
  await utils.addJobs(
    Array.from({ length: Math.min(1000, total - i) }, (_, j) => ({
      identifier: "post",
      payload: { deliveryId: `dlv_bench${String(i + j + 1).padStart(8, "0")}` },
    })),
  );
}
await utils.release();
console.log("graphile-runner: jobs added");
if (process.env.ADD_ONLY) process.exit(0);

const runner = await run({
  connectionString: DATABASE_URL,
  noHandleSignals: true,
  preset: {
    worker: {
      concurrentJobs: 16,
      localQueue: { size: 500 },
      completeJobBatchDelay: 0,
      failJobBatchDelay: 0,
      pollInterval: 1000,
      maxPoolSize: 20,
    },
  },
  taskList: {
    post: async (payload, helpers) => {
      const startedAt = new Date();
      const answer = await pool.request({
        path: target.pathname,
        method: "POST",
        headers: { "content-type": "application/json" },
        body: BODY,
      });
      const responseBody = await answer.body.text();
      if (answer.statusCode >= 300) throw new Error(`receiver answered ${answer.statusCode}`);
      if (!LOG_TEAM_ID) return;
      const { deliveryId } = payload as { deliveryId: string };
      await helpers.withPgClient((client) =>
        client.query(
          `with attempt as (
             insert into attempts (id, team_id, delivery_id, number, trigger, started_at,
               duration_ms, request_url, request_headers, response_status, response_headers,
               response_body, response_body_truncated)
             values ('att_' || $1, $2, $1, 1, 'auto', $3, $4, $5, '{}', $6, '{}', $7, false))
           update deliveries set status = 'succeeded', attempt_count = 1, last_attempt_at = $3,
             last_status_code = $6, succeeded_at = now(), updated_at = now()
           where id = $1 and team_id = $2`,
          [
            deliveryId,
            LOG_TEAM_ID,
            startedAt,
            Date.now() - startedAt.getTime(),
            RECEIVER_URL,
            answer.statusCode,
            responseBody,
          ],
        ),
      );
    },
  },
});

// Done when no job is left; the bench reads throughput from the receiver's clock.
const check = await makeWorkerUtils({ connectionString: DATABASE_URL });
for (;;) {
  const { rows } = await check.withPgClient((client) =>
    client.query("select count(*)::int as n from graphile_worker.jobs"),
  );
  if ((rows[0] as { n: number }).n === 0) break;
  await new Promise((resolve) => setTimeout(resolve, 100));
}
await check.release();
await runner.stop();
await pool.close();
process.exit(0);
