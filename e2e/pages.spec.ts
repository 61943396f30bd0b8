import AxeBuilder from "@axe-core/playwright";
import { createHash, randomBytes } from "node:crypto";
import { mkdirSync } from "node:fs";
import postgres from "postgres";
import { bootstrapTeam, client } from "./api-client";
import { e2eAdminUrl, e2eDatabaseUrl } from "./environment";
import { expect, PageWatch, test } from "./fixtures";
import { startReceiverProcess } from "./receiver";
import { signIn } from "./server-actions";

// Every page, in the light and the dark theme: a screenshot for review (e2e/screenshots/, not
// committed), no console error (the fixture), and no serious or critical accessibility violation.

const SCREENSHOTS = "e2e/screenshots";

test("every page renders in light and dark and passes the accessibility check", async ({
  browser,
  request,
  baseURL,
}) => {
  // About 30 pages, twice, each screenshotted and run through axe: over three minutes on a
  // loaded two-core machine.
  test.setTimeout(420_000);
  mkdirSync(SCREENSHOTS, { recursive: true });
  const receiver = await startReceiverProcess();
  try {
    const team = await bootstrapTeam();
    const api = client(request, team.apiKey);
    const endpoint = await (
      await api.post("/endpoints", { url: receiver.url, description: "Orders service" })
    ).json();
    const source = await (
      await api.post("/sources", { name: "Shop", verification: { kind: "none" } })
    ).json();
    const event = await (
      await api.post("/events", { type: "order.paid", payload: { order: 42, total: "9.99" } })
    ).json();
    const deliveryId = event.deliveries[0] as string;
    await expect
      .poll(async () => (await (await api.get(`/deliveries/${deliveryId}`)).json()).status)
      .toBe("succeeded");
    expect((await request.post(source.ingestUrl, { data: { hello: "inspector" } })).status()).toBe(
      202,
    );

    // An invitation link, as the members page makes them (only the token's hash is stored).
    const inviteToken = randomBytes(24).toString("base64url");
    const sql = postgres(e2eDatabaseUrl(e2eAdminUrl()), { max: 1 });
    await sql`insert into invitations (id, team_id, role, token_hash, expires_at)
      values (${`inv_pages_${Date.now()}`}, ${team.teamId}, 'developer',
        ${createHash("sha256").update(inviteToken).digest("hex")}, now() + interval '1 day')`;
    await sql.end();

    const s = team.teamSlug;
    const pages: [string, string][] = [
      ["overview", `/${s}/overview`],
      ["deliveries", `/${s}/deliveries`],
      ["delivery", `/${s}/deliveries/${deliveryId}`],
      ["events", `/${s}/events`],
      ["event", `/${s}/events/${event.id}`],
      ["settings", `/${s}/settings`],
      ["settings-members", `/${s}/settings/members`],
      ["settings-api-keys", `/${s}/settings/api-keys`],
      ["settings-audit-log", `/${s}/settings/audit-log`],
      ["new-team", `/teams/new`],
      ["invitation", `/invite/${inviteToken}`],
      ["not-found", `/no-such-team/overview`],
      ["team-not-found", `/${s}/endpoints/ep_no_such_endpoint`],
      ["endpoints", `/${s}/endpoints`],
      ["endpoint-new", `/${s}/endpoints/new`],
      ["endpoint", `/${s}/endpoints/${endpoint.id}`],
      ["endpoint-edit", `/${s}/endpoints/${endpoint.id}/edit`],
      ["sources", `/${s}/sources`],
      ["source-new", `/${s}/sources/new`],
      ["source", `/${s}/sources/${source.id}`],
      ["source-edit", `/${s}/sources/${source.id}/edit`],
    ];
    const signedOut: [string, string][] = [
      ["sign-in", "/sign-in"],
      ["sign-up", "/sign-up"],
    ];

    // One browser context per theme, made with its colour scheme, rather than switching the
    // scheme under a loaded page (Chromium then cancels and refetches the page icon).
    for (const colorScheme of ["light", "dark"] as const) {
      const context = await browser.newContext({
        baseURL,
        colorScheme,
        viewport: { width: 1280, height: 800 },
      });
      const page = await context.newPage();
      const watch = new PageWatch(page);
      watch.allowErrorStatus(`${baseURL}/no-such-team/overview`);
      watch.allowErrorStatus(`${baseURL}/${s}/endpoints/ep_no_such_endpoint`);
      const check = async (name: string, path: string) => {
        const response = await page.goto(path);
        await expect(page.locator("h1").first()).toBeVisible();
        // Every page carries the security headers (proxy.ts), with a script nonce of its own.
        const headers = response!.headers();
        expect(headers["content-security-policy"], path).toMatch(/frame-ancestors 'none'/);
        expect(headers["content-security-policy"], path).toMatch(/script-src 'self' 'nonce-/);
        expect(headers["x-content-type-options"], path).toBe("nosniff");
        expect(headers["referrer-policy"], path).toBe("same-origin");
        expect(headers["x-frame-options"], path).toBe("DENY");
        await page.screenshot({
          path: `${SCREENSHOTS}/${name}-${colorScheme}.png`,
          fullPage: true,
        });
        const results = await new AxeBuilder({ page }).analyze();
        const severe = results.violations
          .filter((v) => v.impact === "serious" || v.impact === "critical")
          .map(
            (v) =>
              `${name} (${colorScheme}): ${v.id} ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
          );
        expect(severe).toEqual([]);
      };
      for (const [name, path] of signedOut) await check(name, path);
      await signIn(page, team.email, team.password);
      for (const [name, path] of pages) await check(name, path);
      await watch.expectClean();
      await context.close();
    }
  } finally {
    await receiver.stop();
  }
});
