import { readFileSync, statSync } from "node:fs";
import fc from "fast-check";
import { FormData, request as send } from "undici";
import { bootstrapTeam } from "./api-client";
import { E2E_SERVER_LOG } from "./environment";
import { expect, test } from "./fixtures";
import { actionIds, routeOperations, serverActions, signIn } from "./server-actions";

// Malformed input at every route handler and server action the file tree has: generated strings
// (NUL, lone surrogates, every UTF-16 unit), raw bytes, %-escapes that decode to nothing valid,
// numbers PostgreSQL cannot hold, nesting 10k deep, cursors and dates that Date.parse takes and
// PostgreSQL does not. No answer may be a 5xx, and the server must log no unhandled error.
// Seeded and bounded: the same cases on every run, a few thousand requests in all.

const SEED = Number(process.env.FUZZ_SEED ?? 20261203);
const RUNS_PER_OPERATION = Number(process.env.FUZZ_RUNS ?? 25);

// Operations left out, and why.
const NOT_FUZZED: Record<string, string> = {
  "POST /api/bench/echo": "404 unless HOOKYARD_BENCH_ROUTES (api.spec)",
  "app/(auth)/actions.ts#signOutAction": "takes no input; would end the fuzzing session",
};

const unit = fc.nat(0xffff).map((code) => String.fromCharCode(code));
const NASTY_STRINGS = [
  "\u0000",
  "a\u0000b",
  "\ud800",
  "x\udfffy",
  "\ud83d",
  "1e1000000",
  "2024-02-30T00:00:00Z",
  "0000-01-01T00:00:00Z",
  "1",
  "-1",
  "9".repeat(400),
  "%",
  "../..",
  "'; drop table events; --",
  "a".repeat(9000),
];
const anyString = fc.oneof(
  fc.constantFrom(...NASTY_STRINGS),
  fc.string({ unit, maxLength: 40 }),
  fc.string({ maxLength: 20 }),
);
const bytes = fc.uint8Array({ maxLength: 48 });

/** Bytes as a URL path segment or query value: unreserved characters as they are, others %XX. */
function percentEncode(data: Uint8Array): string {
  return [...data]
    .map((b) =>
      /[A-Za-z0-9._~-]/.test(String.fromCharCode(b))
        ? String.fromCharCode(b)
        : `%${b.toString(16).toUpperCase().padStart(2, "0")}`,
    )
    .join("");
}
const urlPiece = fc.oneof(
  bytes.map(percentEncode),
  anyString.map((s) => encodeURIComponent(s.replace(/[\ud800-\udfff]/g, "\ufffd"))),
  fc.constantFrom("%FF", "%00", "%E0%A4", "%ED%A0%80", "%", "%2", "%G0", "..", "%2e%2e"),
);
const cursor = fc.oneof(
  bytes.map((b) => Buffer.from(b).toString("base64url")),
  fc
    .constantFrom(
      "2024-02-30T00:00:00.000000Z|evt_x",
      "0000-01-01T00:00:00.000000Z|dlv_x",
      "1|x",
      "2026-01-01T00:00:00.000000Z|\u0000",
      "2026-01-01T00:00:00.000000Z",
    )
    .map((text) => Buffer.from(text).toString("base64url")),
);

const QUERY_KEYS = [
  "limit",
  "cursor",
  "status",
  "endpointId",
  "eventType",
  "type",
  "since",
  "until",
];
const query = fc
  .array(
    fc.tuple(
      fc.oneof(fc.constantFrom(...QUERY_KEYS, "from", "to", "bucket"), urlPiece),
      fc.oneof(urlPiece, cursor, fc.constantFrom("hou", "minute", "0", "1e999", "-5")),
    ),
    { maxLength: 4 },
  )
  .map((pairs) => pairs.map(([k, v]) => `${k}=${v}`).join("&"));

// A JSON value built from the nasty pieces, as text: a few leaves are raw number literals
// JSON.stringify could not write.
const jsonLeaf: fc.Arbitrary<string> = fc.oneof(
  anyString.map((s) => JSON.stringify(s)),
  fc.constantFrom(
    "1e1000000",
    "-1e400",
    "1e-400000",
    "12345678901234567890123456789e5",
    "true",
    "null",
  ),
  fc.double().map((n) => (Number.isFinite(n) ? String(n) : "0")),
);
const FIELDS = [
  "type",
  "payload",
  "url",
  "description",
  "headers",
  "eventTypes",
  "sourceIds",
  "timeoutMs",
  "rateLimitPerSecond",
  "enabled",
  "name",
  "verification",
  "kind",
  "secret",
  "since",
  "dryRun",
  "idempotencyKey",
];
const jsonText: fc.Arbitrary<string> = fc.letrec<{ value: string }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small" },
    jsonLeaf,
    fc.array(tie("value"), { maxLength: 3 }).map((items) => `[${items.join(",")}]`),
    fc
      .array(fc.tuple(fc.oneof(fc.constantFrom(...FIELDS), anyString), tie("value")), {
        maxLength: 5,
      })
      .map((entries) => `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(",")}}`),
  ),
})).value;
const body = fc.oneof(
  jsonText,
  fc.integer({ min: 200, max: 20_000 }).map((n) => `${"[".repeat(n)}${"]".repeat(n)}`),
  fc.integer({ min: 200, max: 5_000 }).map((n) => `${'{"a":'.repeat(n)}1${"}".repeat(n)}`),
  bytes.map((b) => Buffer.from(b).toString("latin1")),
  fc.constant(""),
);
// Bodies each operation accepts, so that one nasty value reaches past validation into the
// handler and the database: a template with one field replaced (or deepened) by a raw value.
const TEMPLATES: Record<string, Record<string, unknown>> = {
  "POST /api/v1/events": {
    type: "fuzz.event",
    payload: { amount: 1, note: "n", items: [{ a: 1 }] },
  },
  "POST /api/v1/endpoints": {
    url: "http://127.0.0.1:9/fuzz",
    description: "d",
    headers: { "X-Fuzz": "v" },
    eventTypes: ["fuzz.event"],
    timeoutMs: 5000,
  },
  "PATCH /api/v1/endpoints/{id}": { description: "d", headers: { "X-Fuzz": "v" } },
  "POST /api/v1/sources": { name: "s", verification: { kind: "none" } },
  "PATCH /api/v1/sources/{id}": { name: "s", eventType: { from: "fixed", value: "t" } },
  "POST /api/v1/endpoints/{id}/recover": { since: "2026-01-01T00:00:00Z", dryRun: true },
  "POST /api/ingest/{token}": { type: "fuzz.ingest", data: { object: { id: "x" } } },
  "POST /api/account/sign-in": { email: "fuzz@example.com", password: "wrong password", next: "/" },
  "POST /api/account/sign-up": { email: "fuzz-new@example.com", password: "long enough password" },
};
const RAW = "\u0001RAW\u0001";
const nastyValue = fc.oneof(
  anyString.map((text) => JSON.stringify(text)),
  fc.constantFrom("1e1000000", "-1e400", "1e-400000", "9".repeat(2000), "0.5e-99999"),
  fc.integer({ min: 100, max: 12_000 }).map((n) => `${"[".repeat(n)}${"]".repeat(n)}`),
  fc.constant('{"\u0000":1}'),
);
/** The template with the value at one of its paths (or a new key) replaced by raw JSON text. */
function templated(template: Record<string, unknown>) {
  const paths: string[][] = [];
  const walk = (value: unknown, path: string[]) => {
    paths.push(path);
    if (value && typeof value === "object")
      for (const [key, item] of Object.entries(value)) walk(item, [...path, key]);
  };
  walk(template, []);
  return fc
    .tuple(fc.constantFrom(...paths.filter((p) => p.length > 0)), nastyValue, fc.boolean())
    .map(([path, raw, asKey]) => {
      const copy = structuredClone(template);
      let parent = copy as Record<string, unknown>;
      for (const key of path.slice(0, -1)) parent = parent[key] as Record<string, unknown>;
      const last = path[path.length - 1]!;
      if (asKey) parent[`${last}\u0000`] = 1;
      else parent[last] = RAW;
      return JSON.stringify(copy).replace(JSON.stringify(RAW), raw);
    });
}

const headerText = fc.oneof(
  fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)) }),
  fc.constantFrom("x".repeat(8192), "caf\u00e9", "\u00ff\u00fe"),
);

type Case = { method: string; path: string; headers: Record<string, string>; body?: string };

function pathFor(template: string, fill: Record<string, string>, piece: string | null): string {
  return template.replace(
    /\{(\w+)\}|\[\.\.\.(\w+)\]/g,
    (_, name: string | undefined) => piece ?? fill[name ?? ""] ?? "x",
  );
}

test("malformed input never gets a 5xx or an unhandled server error", async ({ page, baseURL }) => {
  test.setTimeout(240_000);
  const logStart = statSync(E2E_SERVER_LOG).size;
  const team = await bootstrapTeam();
  const auth = `Bearer ${team.apiKey}`;
  const api = (path: string, data: unknown) =>
    page.request.post(`/api/v1${path}`, { headers: { Authorization: auth }, data });
  const endpoint = await (await api("/endpoints", { url: "http://127.0.0.1:9/fuzz" })).json();
  const source = await (
    await api("/sources", { name: "Fuzz", verification: { kind: "none" } })
  ).json();
  const event = await (await api("/events", { type: "fuzz.start", payload: {} })).json();
  await signIn(page, team.email, team.password);
  const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  const fill: Record<string, string> = {
    team: team.teamSlug,
    id: endpoint.id,
    token: new URL(source.ingestUrl).pathname.split("/").pop()!,
    nextauth: "session",
  };
  const realIds: Record<string, string> = {
    "/api/v1/deliveries": event.deliveries[0],
    "/api/v1/events": event.id,
    "/api/v1/sources": source.id,
    "/api/teams/{team}/deliveries": event.deliveries[0],
    "/api/teams/{team}/sources": source.id,
  };

  const failures: string[] = [];
  async function run(c: Case): Promise<number> {
    const answer = await send(`${baseURL}${c.path}`, {
      method: c.method,
      headers: c.headers,
      body: c.body,
    });
    await answer.body.dump();
    if (answer.statusCode >= 500)
      failures.push(
        `${answer.statusCode} ${c.method} ${c.path} ${JSON.stringify(c.headers)} ${JSON.stringify(c.body?.slice(0, 300))}`,
      );
    return answer.statusCode;
  }

  const operations = routeOperations().filter((op) => !(op in NOT_FUZZED));
  for (const operation of operations) {
    const [method, template] = operation.split(" ") as [string, string];
    const idFor = Object.entries(realIds).find(([prefix]) => template.startsWith(prefix))?.[1];
    const headers = (extra: Record<string, string>) => ({
      ...(template.startsWith("/api/teams") ? { cookie } : { authorization: auth }),
      ...extra,
    });
    await fc
      .assert(
        fc.asyncProperty(
          fc.option(urlPiece, { nil: null }),
          query,
          fc.option(TEMPLATES[operation] ? fc.oneof(body, templated(TEMPLATES[operation])) : body, {
            nil: undefined,
          }),
          fc.option(headerText, { nil: undefined }),
          fc.constantFrom(
            "application/json",
            "text/plain",
            "application/x-www-form-urlencoded",
            "",
          ),
          async (piece, search, payload, idempotencyKey, contentType) => {
            const path = pathFor(template, { ...fill, ...(idFor ? { id: idFor } : {}) }, piece);
            const status = await run({
              method,
              path: `${path}${search ? `?${search}` : ""}`,
              headers: headers({
                ...(contentType ? { "content-type": contentType } : {}),
                ...(idempotencyKey === undefined ? {} : { "idempotency-key": idempotencyKey }),
              }),
              body: method === "GET" ? undefined : payload,
            });
            return status < 500;
          },
        ),
        { seed: SEED, numRuns: RUNS_PER_OPERATION, endOnFailure: true },
      )
      .catch(() => {
        // The failing case is in `failures`; go on to the other operations.
      });
  }

  // Server actions, called as the browser calls them, signed in, with generated arguments.
  const ids = actionIds();
  const actions = serverActions().filter((action) => !(action in NOT_FUZZED));
  for (const action of actions) {
    const id = ids.get(action);
    expect(id, `${action} is in the build`).toBeDefined();
    const argument = fc.oneof(
      anyString,
      fc.integer(),
      fc.constant(null),
      fc.dictionary(fc.constantFrom(...FIELDS), anyString, { maxKeys: 3 }),
    );
    await fc
      .assert(
        fc.asyncProperty(
          fc.array(argument, { maxLength: 3 }),
          fc.dictionary(
            fc.constantFrom(...FIELDS, "email", "password", "role", "token"),
            anyString,
            {
              maxKeys: 5,
            },
          ),
          async (args, form) => {
            const multipart = new FormData();
            for (const [key, value] of Object.entries(form)) multipart.append(`_1_${key}`, value);
            // Encoded as React's client encodes arguments: a string that starts with "$" is
            // escaped as "$$…" (unescaped, it is a reference the decoder resolves, and a dangling
            // one fails inside Next before any of our code runs).
            const escaped = JSON.stringify(args, (_key, value: unknown) =>
              typeof value === "string" && value.startsWith("$") ? `$${value}` : value,
            );
            multipart.append("0", `${escaped.slice(0, -1)}${args.length ? "," : ""}"$K1"]`);
            const answer = await send(`${baseURL}/${team.teamSlug}/settings`, {
              method: "POST",
              headers: { cookie, "next-action": id!, accept: "text/x-component" },
              body: multipart,
            });
            const text = await answer.body.text();
            if (answer.statusCode >= 500)
              failures.push(
                `${answer.statusCode} ${action} ${JSON.stringify(args)} ${JSON.stringify(form).slice(0, 300)} → ${text.slice(0, 200)}`,
              );
            return answer.statusCode < 500;
          },
        ),
        { seed: SEED, numRuns: RUNS_PER_OPERATION, endOnFailure: true },
      )
      .catch(() => {});
  }

  expect(failures).toEqual([]);
  const log = readFileSync(E2E_SERVER_LOG, "utf8").slice(logStart);
  const errors = log
    .split("\n")
    .filter((line) =>
      /Unhandled error|⨯|Uncaught|TypeError|RangeError|DrizzleQueryError|PostgresError/.test(line),
    );
  expect(errors).toEqual([]);
});
