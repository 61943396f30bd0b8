import { createHmac } from "node:crypto";
import { sign as githubSign } from "@octokit/webhooks-methods";
import { eq } from "drizzle-orm";
import { Webhook } from "standardwebhooks";
import Stripe from "stripe";
import { describe, expect, it } from "vitest";
import { deliveries, deliveryQueue, events, ingestRejections } from "@/db/schema";
import { createEndpoint } from "@/lib/endpoints/create-endpoint";
import { NotFoundError } from "@/lib/errors";
import { HttpProblem } from "@/lib/http/problem";
import { readBodyCapped } from "@/lib/http/read-body";
import { createSource, deleteSource, updateSource } from "@/lib/sources/source-mutations";
import { setupTestDatabase } from "@/test/database";
import { createParkedEndpoint, createTeam } from "@/test/fixtures";
import { ingestRequest } from "./ingest-request";

const t = setupTestDatabase();
const stripe = new Stripe("sk_test_hookyard");
const now = () => Math.floor(Date.now() / 1000);

type Fixture = { body: string; headers: Record<string, string>; type: string };
type Provider = {
  kind: "stripe" | "github" | "standard-webhooks" | "shopify" | "slack" | "hmac-sha256";
  secret: string;
  extra?: Record<string, string>;
  make(secret: string, timestamp: number): Promise<Fixture>;
};

const providers: Provider[] = [
  {
    kind: "stripe",
    secret: "whsec_stripe_test_secret_value",
    async make(secret, timestamp) {
      const body = JSON.stringify({
        id: "evt_1Stripe",
        type: "invoice.paid",
        data: { object: {} },
      });
      return {
        body,
        type: "invoice.paid",
        headers: {
          "stripe-signature": stripe.webhooks.generateTestHeaderString({
            payload: body,
            secret,
            timestamp,
          }),
        },
      };
    },
  },
  {
    kind: "github",
    secret: "github-webhook-secret",
    async make(secret) {
      const body = JSON.stringify({ action: "opened", number: 7 });
      return {
        body,
        type: "pull_request",
        headers: {
          "x-hub-signature-256": await githubSign(secret, body),
          "x-github-event": "pull_request",
          "x-github-delivery": crypto.randomUUID(),
        },
      };
    },
  },
  {
    kind: "standard-webhooks",
    secret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
    async make(secret, timestamp) {
      const body = JSON.stringify({ type: "user.created", data: { id: 1 } });
      const id = `msg_${crypto.randomUUID()}`;
      const signature = new Webhook(secret).sign(id, new Date(timestamp * 1000), body);
      return {
        body,
        type: "user.created",
        headers: {
          "webhook-id": id,
          "webhook-timestamp": String(timestamp),
          "webhook-signature": signature,
        },
      };
    },
  },
  {
    // Shopify ships no signing helper on npm; this follows its documented scheme.
    kind: "shopify",
    secret: "shopify-app-secret",
    async make(secret) {
      const body = JSON.stringify({ id: 820982911946154500, email: "a@example.com" });
      const hmac = createHmac("sha256", secret).update(body).digest("base64");
      return {
        body,
        type: "orders/create",
        headers: {
          "x-shopify-hmac-sha256": hmac,
          "x-shopify-topic": "orders/create",
          "x-shopify-webhook-id": crypto.randomUUID(),
        },
      };
    },
  },
  {
    // Slack's signing helper package is deprecated; this follows its documented v0 scheme.
    kind: "slack",
    secret: "slack-signing-secret",
    async make(secret, timestamp) {
      const body = JSON.stringify({ type: "event_callback", event_id: crypto.randomUUID() });
      const signature = `v0=${createHmac("sha256", secret).update(`v0:${timestamp}:${body}`).digest("hex")}`;
      return {
        body,
        type: "event_callback",
        headers: { "x-slack-signature": signature, "x-slack-request-timestamp": String(timestamp) },
      };
    },
  },
  {
    kind: "hmac-sha256",
    secret: "generic-secret",
    extra: { header: "x-signature" },
    async make(secret) {
      const body = "plain=text&not=json";
      return {
        body,
        type: "ingest",
        headers: {
          "x-signature": createHmac("sha256", secret).update(body).digest("hex"),
          "content-type": "application/x-www-form-urlencoded",
        },
      };
    },
  },
];

async function sourceFor(provider: Provider, paused = false) {
  const team = await createTeam(t.db);
  const endpoint = await createParkedEndpoint(t.db, team.id);
  const source = await createSource(t.db, {
    teamId: team.id,
    input: {
      name: provider.kind,
      verification: { kind: provider.kind, secret: provider.secret, ...provider.extra },
      paused,
    },
  });
  return { team, endpoint, source };
}

const eventsOf = (teamId: string) => t.db.select().from(events).where(eq(events.teamId, teamId));
const send = (token: string, fixture: { body: string | Buffer; headers: Record<string, string> }) =>
  ingestRequest(t.db, {
    token,
    body: Buffer.from(fixture.body),
    headers: new Headers(fixture.headers),
  });

function flipOneByte(text: string, at = Math.floor(text.length / 2)): string {
  const chars = [...text];
  chars[at] = chars[at] === "a" ? "b" : "a";
  return chars.join("");
}

async function expect401(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(HttpProblem);
  expect((error as HttpProblem).status).toBe(401);
}

describe.each(providers)("inbound $kind", (provider) => {
  it("accepts the provider's own signature, byte-exact and typed", async () => {
    const { team, source } = await sourceFor(provider);
    const fixture = await provider.make(provider.secret, now());
    const accepted = await send(source.ingestToken, fixture);
    const [row] = await eventsOf(team.id);
    expect(row!.id).toBe(accepted.eventId);
    expect(row!.rawBody.equals(Buffer.from(fixture.body))).toBe(true);
    expect(row!.type).toBe(fixture.type);
    expect(accepted.dueDeliveryIds).toHaveLength(1);
  });

  it("refuses a one-byte change to the body or the signature: no event, only the refusal", async () => {
    const { team, source } = await sourceFor(provider);
    const fixture = await provider.make(provider.secret, now());
    await expect401(send(source.ingestToken, { ...fixture, body: flipOneByte(fixture.body) }));
    const signatureHeader = Object.keys(fixture.headers).find((h) => /signature|hmac|hub/.test(h))!;
    const headers = {
      ...fixture.headers,
      [signatureHeader]: flipOneByte(
        fixture.headers[signatureHeader]!,
        fixture.headers[signatureHeader]!.length - 3,
      ),
    };
    await expect401(send(source.ingestToken, { ...fixture, headers }));
    await expect401(send(source.ingestToken, { body: fixture.body, headers: {} }));
    expect(await eventsOf(team.id)).toHaveLength(0);
    const refusals = await t.db
      .select()
      .from(ingestRejections)
      .where(eq(ingestRejections.teamId, team.id));
    expect(refusals.map((row) => row.sourceId)).toEqual([source.id, source.id, source.id]);
  });
});

describe.each(providers.filter((p) => ["stripe", "standard-webhooks", "slack"].includes(p.kind)))(
  "timestamped $kind",
  (provider) => {
    it("refuses a changed timestamp and one more than 5 minutes off", async () => {
      const { team, source } = await sourceFor(provider);
      const fixture = await provider.make(provider.secret, now());
      const shifted = Object.fromEntries(
        Object.entries(fixture.headers).map(([k, v]) => [
          k,
          k === "stripe-signature"
            ? v.replace(/t=(\d+)/, (_m, s) => `t=${Number(s) + 1}`)
            : /timestamp/.test(k)
              ? String(Number(v) + 1)
              : v,
        ]),
      );
      await expect401(send(source.ingestToken, { ...fixture, headers: shifted }));
      await expect401(send(source.ingestToken, await provider.make(provider.secret, now() - 301)));
      expect(await eventsOf(team.id)).toHaveLength(0);
    });
  },
);

describe("ingest", () => {
  it("answers the first event's id to a repeated Idempotency-Key or provider delivery id", async () => {
    const none: Provider = { ...providers[5]!, kind: "hmac-sha256" };
    const { team, source } = await sourceFor(none);
    const fixture = await none.make(none.secret, now());
    const withKey = { ...fixture, headers: { ...fixture.headers, "idempotency-key": "order-42" } };
    const first = await send(source.ingestToken, withKey);
    const second = await send(source.ingestToken, withKey);
    expect(second.eventId).toBe(first.eventId);
    expect(second.duplicate).toBe(true);

    const github = await sourceFor(providers[1]!);
    const delivery = await providers[1]!.make(providers[1]!.secret, now());
    const a = await send(github.source.ingestToken, delivery);
    const b = await send(github.source.ingestToken, delivery);
    expect(b.eventId).toBe(a.eventId);
    expect(await eventsOf(team.id)).toHaveLength(1);
    expect(await eventsOf(github.team.id)).toHaveLength(1);
  });

  it("answers 404 for an unknown token and holds the deliveries of a paused source", async () => {
    await expect(send("no-such-token", { body: "{}", headers: {} })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    const none: Provider = {
      kind: "hmac-sha256",
      secret: "s3cretsecret",
      extra: { header: "x-sig" },
      make: providers[5]!.make,
    };
    const { source } = await sourceFor({ ...none, kind: "hmac-sha256" }, true);
    const body = "{}";
    const accepted = await send(source.ingestToken, {
      body,
      headers: { "x-sig": createHmac("sha256", "s3cretsecret").update(body).digest("hex") },
    });
    const rows = await t.db
      .select()
      .from(deliveries)
      .where(eq(deliveries.eventId, accepted.eventId));
    expect(rows.map((r) => r.status)).toEqual(["held"]);
  });

  it("takes the ordering key from the source's JSON path or header, for ordered endpoints", async () => {
    const team = await createTeam(t.db);
    await createEndpoint(t.db, {
      teamId: team.id,
      input: { url: "http://127.0.0.1:9/ordered", ordering: "key" },
    });
    const byPath = await createSource(t.db, {
      teamId: team.id,
      input: { name: "By path", orderingKey: { from: "json-path", value: "customer.id" } },
    });
    const byHeader = await createSource(t.db, {
      teamId: team.id,
      input: { name: "By header", orderingKey: { from: "header", value: "X-Customer" } },
    });
    const keyOf = async (token: string, body: string, headers: Record<string, string> = {}) => {
      const accepted = await send(token, { body, headers });
      const [event] = await t.db.select().from(events).where(eq(events.id, accepted.eventId));
      const [queued] = await t.db
        .select()
        .from(deliveryQueue)
        .where(eq(deliveryQueue.eventId, accepted.eventId));
      return [event!.orderingKey, queued!.orderingKey];
    };
    expect(await keyOf(byPath.ingestToken, '{"customer":{"id":42}}')).toEqual(["42", "42"]);
    expect(await keyOf(byPath.ingestToken, '{"customer":{}}')).toEqual([null, null]);
    expect(await keyOf(byHeader.ingestToken, "{}", { "x-customer": "cus_7" })).toEqual([
      "cus_7",
      "cus_7",
    ]);
    await expect(
      createSource(t.db, {
        teamId: team.id,
        input: { name: "Bad", orderingKey: { from: "cookie", value: "x" } },
      }),
    ).rejects.toThrow();
  });
});

describe("the source cache", () => {
  it("applies a pause, a resume and a deletion made in this process to the very next request", async () => {
    const team = await createTeam(t.db);
    await createParkedEndpoint(t.db, team.id);
    const source = await createSource(t.db, { teamId: team.id, input: { name: "Shop" } });
    const statusOfNext = async () => {
      const accepted = await send(source.ingestToken, { body: "{}", headers: {} });
      const [row] = await t.db
        .select()
        .from(deliveries)
        .where(eq(deliveries.eventId, accepted.eventId));
      return row!.status;
    };
    expect(await statusOfNext()).toBe("pending");
    await updateSource(t.db, { teamId: team.id, sourceId: source.id, input: { paused: true } });
    expect(await statusOfNext()).toBe("held");
    await updateSource(t.db, { teamId: team.id, sourceId: source.id, input: { paused: false } });
    expect(await statusOfNext()).toBe("pending");
    await deleteSource(t.db, { teamId: team.id, sourceId: source.id });
    await expect(send(source.ingestToken, { body: "{}", headers: {} })).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });
});

describe("body size limit", () => {
  const big = Buffer.alloc(2048, "a");
  it("refuses a body over the limit, with or without Content-Length", async () => {
    const declared = new Request("http://x/api/ingest/t", {
      method: "POST",
      body: big,
      headers: { "content-length": "2048" },
    });
    await expect(readBodyCapped(declared, 1024)).rejects.toMatchObject({ status: 413 });
    const chunked = new Request("http://x/api/ingest/t", {
      method: "POST",
      duplex: "half",
      body: new ReadableStream({
        start(controller) {
          for (let i = 0; i < 4; i++) controller.enqueue(big.subarray(i * 512, (i + 1) * 512));
          controller.close();
        },
      }),
    } as RequestInit);
    expect(chunked.headers.get("content-length")).toBeNull();
    await expect(readBodyCapped(chunked, 1024)).rejects.toMatchObject({ status: 413 });
    const small = new Request("http://x", { method: "POST", body: big.subarray(0, 1000) });
    expect((await readBodyCapped(small, 1024)).length).toBe(1000);
  });
});
