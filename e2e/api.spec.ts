import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "@playwright/test";
import { Webhook } from "standardwebhooks";
import { bootstrapKey, client } from "./api-client";
import { E2E_CRON_SECRET } from "./environment";

// The public API over real HTTP against `next start`, with a key from the bootstrap command.

type Received = { headers: IncomingHttpHeaders; body: string };

async function receiver(statuses: number[]) {
  const requests: Received[] = [];
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => {
      requests.push({ headers: req.headers, body });
      res.statusCode = statuses[Math.min(requests.length - 1, statuses.length - 1)]!;
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    close: () => server.close(),
  };
}

test("a published event reaches the endpoint signed, and its delivery log shows the attempt", async ({
  request,
}) => {
  const api = client(request, await bootstrapKey());
  const target = await receiver([200]);
  try {
    const created = await api.post("/endpoints", {
      url: `${target.url}/hook`,
      eventTypes: ["order.paid"],
    });
    expect(created.status()).toBe(201);
    const endpoint = await created.json();
    expect(endpoint.secret).toMatch(/^whsec_/);

    const published = await api.post("/events", { type: "order.paid", payload: { id: 42 } });
    expect(published.status()).toBe(202);
    const { id, deliveries } = await published.json();
    expect(deliveries).toHaveLength(1);

    await expect.poll(() => target.requests.length).toBe(1);
    const [received] = target.requests;
    expect(received!.headers["webhook-id"]).toBe(id);
    expect(
      new Webhook(endpoint.secret).verify(
        received!.body,
        received!.headers as Record<string, string>,
      ),
    ).toEqual({ id: 42 });
    await expect
      .poll(async () => (await (await api.get(`/deliveries/${deliveries[0]}`)).json()).status)
      .toBe("succeeded");
    expect(
      (await (await api.get("/endpoints")).json()).data.map((e: { id: string }) => e.id),
    ).toContain(endpoint.id);
  } finally {
    target.close();
  }
});

test("the sweeper route answers 401 without the secret and delivers due retries with it", async ({
  request,
}) => {
  expect((await request.get("/api/cron/sweep")).status()).toBe(401);
  expect(
    (
      await request.post("/api/cron/sweep", { headers: { Authorization: "Bearer wrong" } })
    ).status(),
  ).toBe(401);

  const api = client(request, await bootstrapKey());
  const target = await receiver([503, 200]);
  try {
    await api.post("/endpoints", { url: `${target.url}/retry` });
    const { deliveries } = await (
      await api.post("/events", { type: "retry.me", payload: {} })
    ).json();
    await expect.poll(() => target.requests.length).toBe(1);
    // No worker runs in this server (WORKER=off); only the sweeper can send the retry.
    await expect
      .poll(
        async () => {
          const swept = await request.post("/api/cron/sweep", {
            headers: { Authorization: `Bearer ${E2E_CRON_SECRET}` },
          });
          expect(swept.status()).toBe(200);
          return target.requests.length;
        },
        { timeout: 15_000, intervals: [500] },
      )
      .toBe(2);
    expect((await (await api.get(`/deliveries/${deliveries[0]}`)).json()).status).toBe("succeeded");
  } finally {
    target.close();
  }
});

test("ingest: unknown token 404, oversize 413 with and without Content-Length, accepted 202", async ({
  request,
}) => {
  const api = client(request, await bootstrapKey());
  const source = await (
    await api.post("/sources", { name: "Webhook.site", verification: { kind: "none" } })
  ).json();
  expect(source.ingestUrl).toMatch(/\/api\/ingest\//);
  const path = new URL(source.ingestUrl).pathname;

  const missing = await request.post("/api/ingest/not-a-token", { data: {} });
  expect(missing.status()).toBe(404);
  expect(missing.headers()["content-type"]).toContain("application/problem+json");

  const big = "x".repeat(70_000);
  expect(
    (await request.post(path, { data: big, headers: { "content-type": "text/plain" } })).status(),
  ).toBe(413);
  const chunked = await fetch(new URL(path, source.ingestUrl), {
    method: "POST",
    body: new ReadableStream({
      start(controller) {
        for (let i = 0; i < 10; i++)
          controller.enqueue(new TextEncoder().encode(big.slice(0, 10_000)));
        controller.close();
      },
    }),
    duplex: "half",
  } as RequestInit);
  expect(chunked.status).toBe(413);

  const accepted = await request.post(path, {
    data: { hello: "world" },
    headers: { "Idempotency-Key": "same" },
  });
  expect(accepted.status()).toBe(202);
  const again = await request.post(path, {
    data: { hello: "world" },
    headers: { "Idempotency-Key": "same" },
  });
  expect((await again.json()).id).toBe((await accepted.json()).id);
});

test("errors are problem+json, and a bad key is 401", async ({ request }) => {
  const unauthorised = await request.get("/api/v1/endpoints", {
    headers: { Authorization: "Bearer hk_nope_nope" },
  });
  expect(unauthorised.status()).toBe(401);
  expect(await unauthorised.json()).toMatchObject({ status: 401, title: "Unauthorized" });

  const api = client(request, await bootstrapKey());
  const invalid = await api.post("/endpoints", { url: "http://x", timeoutMs: 5 });
  expect(invalid.status()).toBe(422);
  expect(invalid.headers()["content-type"]).toContain("application/problem+json");
  expect((await invalid.json()).detail).toContain("timeoutMs");
  expect((await api.get("/endpoints/ep_missing")).status()).toBe(404);
});

test("the bench's bare route is not served unless HOOKYARD_BENCH_ROUTES is on", async ({
  request,
}) => {
  const answer = await request.post("/api/bench/echo", { data: { hello: "bench" } });
  expect(answer.status()).toBe(404);
  expect(answer.headers()["content-type"]).toContain("application/problem+json");
});

test("unknown fields in a body are 422 naming them, and nothing is stored", async ({ request }) => {
  const api = client(request, await bootstrapKey());
  const refused = async (answer: Awaited<ReturnType<typeof api.post>>, field: string) => {
    expect(answer.status()).toBe(422);
    expect(answer.headers()["content-type"]).toContain("application/problem+json");
    const problem = await answer.json();
    expect(problem.detail).toContain(field);
    expect(problem.errors).toContainEqual({ path: field, message: expect.any(String) });
  };
  const url = "http://127.0.0.1:9/hook";

  await refused(
    await api.post("/endpoints", { url, transformation: { code: "x", enabled: true } }),
    "transformation",
  );
  await refused(
    await api.post("/sources", { name: "Ips", allowedIps: ["10.0.0.1"] }),
    "allowedIps",
  );
  await refused(
    await api.post("/sources", { name: "Tolerant", verification: { kind: "none", tolerance: 5 } }),
    "verification.tolerance",
  );
  await refused(
    await api.post("/events", { type: "order.paid", payload: {}, application: "cus_1" }),
    "application",
  );
  expect((await (await api.get("/endpoints")).json()).data).toEqual([]);
  expect((await (await api.get("/sources")).json()).data).toEqual([]);
  expect((await (await api.get("/events")).json()).data).toEqual([]);

  // Map-like fields keep taking any key; changes with an unknown field change nothing.
  const created = await api.post("/endpoints", {
    url,
    headers: { "X-Tenant": "a", "X-Anything-At-All": "b" },
  });
  expect(created.status()).toBe(201);
  const endpoint = await created.json();
  const source = await (await api.post("/sources", { name: "Kept" })).json();
  await refused(
    await api.patch(`/endpoints/${endpoint.id}`, { description: "x", transformation: {} }),
    "transformation",
  );
  await refused(
    await api.patch(`/sources/${source.id}`, { name: "Renamed", allowedIps: [] }),
    "allowedIps",
  );
  await refused(
    await api.post(`/endpoints/${endpoint.id}/recover`, {
      since: "2026-01-01T00:00:00Z",
      orderingKey: "k",
    }),
    "orderingKey",
  );
  const { secret: _secret, ...stored } = endpoint;
  expect(await (await api.get(`/endpoints/${endpoint.id}`)).json()).toEqual(stored);
  expect((await (await api.get(`/sources/${source.id}`)).json()).name).toBe("Kept");
  const published = await api.post("/events", { type: "any", payload: { orderingKey: "free" } });
  expect(published.status()).toBe(202);
});
