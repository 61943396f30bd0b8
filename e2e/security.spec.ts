import { once } from "node:events";
import { createServer } from "node:http";
import { Agent, request as send } from "undici";
import { bootstrapTeam } from "./api-client";
import { expect, PageWatch, signUpWithTeam, test } from "./fixtures";
import { startOwnServer } from "./own-server";

// The boundaries an attacker probes first, on real servers in Chromium: the sign-in redirect,
// throttles that parallel requests and forged X-Forwarded-For cannot get around, the abuse
// limits' 429s and caps, and framing from another site. Clients on other loopback addresses
// (127.0.0.2, 127.0.0.3, ...) stand in for other machines.

const PASSWORD = "correct horse battery";
const agents = new Map<string, Agent>();
const from = (address: string) => {
  let agent = agents.get(address);
  if (!agent) agents.set(address, (agent = new Agent({ localAddress: address })));
  return agent;
};

type Outcome = "signed-in" | "incorrect" | "throttled" | "other";

/** Posts the sign-in or sign-up form as the page does (JSON to its route), from `address`. */
async function authForm(
  baseUrl: string,
  kind: "sign-in" | "sign-up",
  fields: Record<string, string>,
  options: { address: string; headers?: Record<string, string> },
): Promise<Outcome> {
  const answer = await send(`${baseUrl}/api/account/${kind}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...options.headers },
    body: JSON.stringify(fields),
    dispatcher: from(options.address),
  });
  const text = await answer.body.text();
  if (answer.statusCode === 200) return "signed-in";
  if (text.includes("Email or password is incorrect")) return "incorrect";
  if (answer.statusCode === 429 && /Too many attempts/.test(text)) return "throttled";
  return "other";
}

const count = (outcomes: Outcome[], which: Outcome) => outcomes.filter((o) => o === which).length;

test.describe("with the default limits", () => {
  let server: Awaited<ReturnType<typeof startOwnServer>>;
  test.beforeAll(async () => {
    server = await startOwnServer();
  });
  test.afterAll(async () => {
    await server?.stop();
  });

  test("200 parallel wrong passwords check at most the limit; the owner still signs in from their own address", async () => {
    const victim = await bootstrapTeam(server.databaseUrl);
    const sprayed = await Promise.all(
      Array.from({ length: 200 }, () =>
        authForm(
          server.url,
          "sign-in",
          { email: victim.email, password: "wrong password" },
          { address: "127.0.0.2" },
        ),
      ),
    );
    expect(count(sprayed, "incorrect")).toBeLessThanOrEqual(5);
    expect(count(sprayed, "throttled")).toBe(200 - count(sprayed, "incorrect"));
    expect(
      await authForm(
        server.url,
        "sign-in",
        { email: victim.email, password: PASSWORD, next: "/" },
        { address: "127.0.0.3" },
      ),
    ).toBe("signed-in");
  });

  test("a forged X-Forwarded-For from an untrusted peer earns no extra attempts", async () => {
    const outcomes: Outcome[] = [];
    for (let i = 0; i < 30; i++)
      outcomes.push(
        await authForm(
          server.url,
          "sign-in",
          { email: `nobody-${i}@example.com`, password: "wrong password" },
          { address: "127.0.0.4", headers: { "x-forwarded-for": `203.0.113.${i + 1}` } },
        ),
      );
    expect(count(outcomes, "incorrect")).toBe(20); // SIGN_IN_FAILURES_PER_ADDRESS
    expect(count(outcomes, "throttled")).toBe(10);
    // Nor does sending the victim's address lock the victim out.
    const victim = await bootstrapTeam(server.databaseUrl);
    for (let i = 0; i < 10; i++)
      await authForm(
        server.url,
        "sign-in",
        { email: victim.email, password: "wrong password" },
        { address: "127.0.0.5", headers: { "x-forwarded-for": "127.0.0.6" } },
      );
    expect(
      await authForm(
        server.url,
        "sign-in",
        { email: victim.email, password: PASSWORD },
        { address: "127.0.0.6" },
      ),
    ).toBe("signed-in");
  });

  test("200 parallel sign-ups are throttled, and the API stays fast meanwhile (p99 < 200 ms)", async () => {
    const team = await bootstrapTeam(server.databaseUrl);
    const probeOnce = async () => {
      const answer = await send(`${server.url}/api/v1/endpoints`, {
        headers: { authorization: `Bearer ${team.apiKey}` },
      });
      await answer.body.dump();
      expect(answer.statusCode).toBe(200);
    };
    for (let i = 0; i < 20; i++) await probeOnce(); // warm: the route's first calls compile
    const latencies: number[] = [];
    let burstDone = false;
    const probe = (async () => {
      while (!burstDone || latencies.length < 50) {
        const started = performance.now();
        await probeOnce();
        latencies.push(performance.now() - started);
      }
    })();
    const signUps = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        authForm(
          server.url,
          "sign-up",
          { email: `burst-${i}-${Date.now()}@example.com`, password: PASSWORD },
          { address: "127.0.0.7" },
        ),
      ),
    );
    burstDone = true;
    await probe;
    // At most SIGN_UPS_PER_ADDRESS (10) get through; the others are refused, most of them before
    // Next's router (lib/auth/account-flood-gate.ts).
    expect(count(signUps, "signed-in")).toBeGreaterThan(0);
    expect(count(signUps, "signed-in")).toBeLessThanOrEqual(10);
    expect(count(signUps, "throttled")).toBe(200 - count(signUps, "signed-in"));
    const sorted = [...latencies].sort((a, b) => a - b);
    const p99 = sorted[Math.ceil(sorted.length * 0.99) - 1]!;
    console.log(`API during 200 sign-ups: ${sorted.length} requests, p99 ${p99.toFixed(1)} ms`);
    expect(p99).toBeLessThan(200);
  });
});

test.describe("with tight limits", () => {
  let server: Awaited<ReturnType<typeof startOwnServer>>;
  test.beforeAll(async () => {
    server = await startOwnServer({
      RATE_LIMIT_API_PER_KEY: "5",
      RATE_LIMIT_INGEST_PER_SOURCE: "5",
      RATE_LIMIT_AUTH_FAILURES_PER_MINUTE: "10",
      MAX_ENDPOINTS_PER_TEAM: "3",
      MAX_FANOUT_PER_EVENT: "2",
    });
  });
  test.afterAll(async () => {
    await server?.stop();
  });

  async function burst(count: number, call: () => Promise<Response>) {
    const started = performance.now();
    const answers = await Promise.all(Array.from({ length: count }, call));
    const seconds = (performance.now() - started) / 1000;
    const limited = answers.filter((a) => a.status === 429);
    expect(limited.length, "some answers are 429").toBeGreaterThan(0);
    const first = limited[0]!;
    expect(Number(first.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(first.headers.get("content-type")).toBe("application/problem+json");
    expect((await first.json()).status).toBe(429);
    return { answers, seconds };
  }

  test("429 with Retry-After past the API key, ingest and failed-authentication limits", async () => {
    const team = await bootstrapTeam(server.databaseUrl);
    const auth = { authorization: `Bearer ${team.apiKey}` };
    const { answers, seconds } = await burst(40, () =>
      fetch(`${server.url}/api/v1/endpoints`, { headers: auth }),
    );
    // A burst of 10, then 5 a second for as long as the 40 took to be answered.
    const allowed = 10 + Math.ceil(5 * seconds);
    expect(answers.filter((a) => a.status === 200).length).toBeLessThanOrEqual(allowed);

    // The key's budget refills at 5 a second; a source made by a key of its own avoids waiting.
    const other = await bootstrapTeam(server.databaseUrl);
    const source = await (
      await fetch(`${server.url}/api/v1/sources`, {
        method: "POST",
        headers: { authorization: `Bearer ${other.apiKey}`, "content-type": "application/json" },
        body: JSON.stringify({ name: "Limited", verification: { kind: "none" } }),
      })
    ).json();
    await burst(40, () =>
      fetch(source.ingestUrl.replace(/^https?:\/\/[^/]+/, server.url), {
        method: "POST",
        body: "{}",
      }),
    );

    // From an address of its own: once its failures are used up, the address gets 429s for
    // every key, good ones too, until its budget refills.
    const { answers: bad } = await burst(30, async () => {
      const answer = await send(`${server.url}/api/v1/endpoints`, {
        headers: { authorization: "Bearer hk_wrong" },
        dispatcher: from("127.0.0.10"),
      });
      return new Response(await answer.body.text(), {
        status: answer.statusCode,
        headers: answer.headers as Record<string, string>,
      });
    });
    expect(bad.filter((a) => a.status === 401).length).toBeLessThanOrEqual(11);
  });

  test("the endpoint cap answers 422, and so does an event over the fan-out cap", async () => {
    const team = await bootstrapTeam(server.databaseUrl);
    // Five calls in all: inside the key's burst of ten.
    const post = (path: string, body: unknown) =>
      fetch(`${server.url}/api/v1${path}`, {
        method: "POST",
        headers: { authorization: `Bearer ${team.apiKey}`, "content-type": "application/json" },
        body: JSON.stringify(body),
      });
    for (let i = 0; i < 3; i++)
      expect((await post("/endpoints", { url: `http://127.0.0.1:9/cap-${i}` })).status).toBe(201);
    const refused = await post("/endpoints", { url: "http://127.0.0.1:9/cap-4" });
    expect(refused.status).toBe(422);
    expect((await refused.json()).detail).toMatch(/MAX_ENDPOINTS_PER_TEAM/);
    const fanOut = await post("/events", { type: "too.wide", payload: {} });
    expect(fanOut.status).toBe(422);
    expect((await fanOut.json()).detail).toMatch(/MAX_FANOUT_PER_EVENT/);
  });
});

test("every spelling of a sign-in redirect ends on our own origin", async ({ page, baseURL }) => {
  test.setTimeout(120_000);
  const { email } = await signUpWithTeam(page);
  await page.context().clearCookies();
  const spellings = [
    "/%09/example.com",
    "/%0a/example.com",
    "/%0d%0a/example.com",
    "/%5Cexample.com",
    "/%5C%5Cexample.com",
    "%2F%2Fexample.com",
    "/%2F%2Fexample.com",
    "//example.com",
    "/\\example.com",
    "/.//example.com",
    "https://example.com/",
    "http:example.com",
    "javascript:alert(document.domain)",
    "/%00/example.com",
  ];
  const origin = new URL(baseURL!).origin;
  for (const spelling of spellings) {
    await page.goto(`/sign-in?next=${spelling}`);
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page, spelling).not.toHaveURL(/\/sign-in/);
    expect(new URL(page.url()).origin, spelling).toBe(origin);
    await page.context().clearCookies();
  }
});

test("a page on another site cannot frame the dashboard", async ({ browser, baseURL }) => {
  const site = createServer((_request, response) => {
    response.writeHead(200, { "content-type": "text/html" });
    response.end(
      `<!doctype html><title>elsewhere</title><iframe id="f" src="${baseURL}/sign-in" title="framed"></iframe>`,
    );
  }).listen(0, "127.0.0.1");
  await once(site, "listening");
  const context = await browser.newContext();
  const page = await context.newPage();
  const watch = new PageWatch(page);
  try {
    await page.goto(`http://localhost:${(site.address() as { port: number }).port}/`);
    const frame = page.frameLocator("#f");
    await expect
      .poll(() => watch.problems.some((p) => /frame-ancestors|Refused to (frame|display)/.test(p)))
      .toBe(true);
    await expect(frame.getByRole("heading", { name: "Sign in" })).toHaveCount(0);
  } finally {
    await context.close();
    site.close();
  }
});

test("HSTS is sent over https only", async ({ request }) => {
  const plain = await request.get("/sign-in");
  expect(plain.headers()["strict-transport-security"]).toBeUndefined();
  const secure = await request.get("/sign-in", { headers: { "x-forwarded-proto": "https" } });
  expect(secure.headers()["strict-transport-security"]).toMatch(/max-age=\d+/);
});
