import { Agent, request as send } from "undici";
import { bootstrapKey, bootstrapTeam } from "./api-client";
import { expect, signUpWithTeam, test } from "./fixtures";
import { startOwnServer } from "./own-server";

// Ingest URLs (and the OpenAPI document's server) are built on the origin the client used:
// HOOKYARD_PUBLIC_URL when set, else the request's Host, with X-Forwarded-Host/Proto believed
// only from a peer in TRUSTED_PROXIES. Next hands route handlers `http://<listen host>:<port>`
// as request.url whatever the Host, so that URL must never be what the answer is built on.
// Clients on other loopback addresses (127.0.0.2) stand in for a proxy machine.

const FORWARDED = { "x-forwarded-host": "hooks.example.com", "x-forwarded-proto": "https" };
const INGEST_PATH = /\/api\/ingest\/[\w-]+$/;

const agents = new Map<string, Agent>();
const from = (address: string) => {
  let agent = agents.get(address);
  if (!agent) agents.set(address, (agent = new Agent({ localAddress: address })));
  return agent;
};

/** Creates a source through the API from `address` with `headers`; answers its ingest URL. */
async function ingestUrlOfNewSource(
  baseUrl: string,
  apiKey: string,
  options: { address?: string; headers?: Record<string, string> } = {},
): Promise<string> {
  const answer = await send(`${baseUrl}/api/v1/sources`, {
    method: "POST",
    headers: {
      authorization: `Bearer ${apiKey}`,
      "content-type": "application/json",
      ...options.headers,
    },
    body: JSON.stringify({ name: "Origin", verification: { kind: "none" } }),
    dispatcher: from(options.address ?? "127.0.0.1"),
  });
  const body = (await answer.body.json()) as { ingestUrl: string };
  expect(answer.statusCode).toBe(201);
  return body.ingestUrl;
}

test("without a trusted proxy, the API and the dashboard use the request's host and ignore forwarded headers", async ({
  page,
  baseURL,
}) => {
  const apiKey = await bootstrapKey();
  const viaOtherName = await ingestUrlOfNewSource(baseURL!, apiKey, {
    headers: { host: "hooks.internal.test:8443", ...FORWARDED },
  });
  expect(viaOtherName).toMatch(/^http:\/\/hooks\.internal\.test:8443\/api\/ingest\/[\w-]+$/);

  const { slug } = await signUpWithTeam(page);
  await page.goto(`/${slug}/sources/new`);
  await page.getByLabel("Name").fill("Origin");
  await page.getByRole("button", { name: "Create source" }).click();
  await expect(page).toHaveURL(new RegExp(`/${slug}/sources/src_[0-9a-z]+$`));
  await page.setExtraHTTPHeaders(FORWARDED);
  await page.reload();
  const shown = (await page.getByTestId("ingest-url").innerText()).trim();
  expect(shown).toMatch(INGEST_PATH);
  expect(shown.replace(INGEST_PATH, "")).toBe(baseURL);
});

test.describe("behind a trusted proxy", () => {
  let server: Awaited<ReturnType<typeof startOwnServer>>;
  test.beforeAll(async () => {
    server = await startOwnServer({ TRUSTED_PROXIES: "127.0.0.2" });
  });
  test.afterAll(async () => {
    await server?.stop();
  });

  test("X-Forwarded-Host/Proto are believed from the proxy only", async () => {
    const { apiKey } = await bootstrapTeam(server.databaseUrl);
    const viaProxy = await ingestUrlOfNewSource(server.url, apiKey, {
      address: "127.0.0.2",
      headers: FORWARDED,
    });
    expect(viaProxy).toMatch(/^https:\/\/hooks\.example\.com\/api\/ingest\/[\w-]+$/);

    const direct = await ingestUrlOfNewSource(server.url, apiKey, { headers: FORWARDED });
    expect(direct).toMatch(INGEST_PATH);
    expect(direct.replace(INGEST_PATH, "")).toBe(server.url);

    const document = await send(`${server.url}/api/v1/openapi.json`, {
      headers: FORWARDED,
      dispatcher: from("127.0.0.2"),
    });
    const { servers } = (await document.body.json()) as { servers: { url: string }[] };
    expect(servers).toEqual([{ url: "https://hooks.example.com/api/v1" }]);
  });
});
