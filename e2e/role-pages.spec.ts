import path from "node:path";
import postgres from "postgres";
import { bootstrapTeam, client } from "./api-client";
import { e2eAdminUrl, e2eDatabaseUrl } from "./environment";
import { expect, test } from "./fixtures";
import { filesNamed, signIn } from "./server-actions";

// Every dashboard page, opened by a member whose role is below the owner's: no page may answer
// an error (the fixture fails the test on any 4xx/5xx or console error), and a settings tab the
// role cannot use says which role it needs. The pages come from the file tree, so a new page is
// covered (or fails here until its ids are known).

const DASHBOARD = "app/(dashboard)";

/** The URL of every page.tsx under app/(dashboard), its `[team]` and `[id]` filled in. */
function dashboardUrls(slug: string, ids: Record<string, string>): string[] {
  return filesNamed(DASHBOARD, "page.tsx").map((file) => {
    const segments = path.dirname(path.relative(DASHBOARD, file)).split(path.sep);
    return segments
      .map((segment, i) => {
        if (segment === "[team]") return `/${slug}`;
        if (segment !== "[id]") return `/${segment}`;
        const id = ids[segments[i - 1]!];
        if (!id) throw new Error(`${file}: give this spec an id for "${segments[i - 1]}/[id]"`);
        return `/${id}`;
      })
      .join("");
  });
}

for (const role of ["viewer", "developer"] as const) {
  test(`a ${role} opens every dashboard page and settings tab without an error`, async ({
    page,
    request,
  }) => {
    test.setTimeout(90_000);
    const [owner, member] = await Promise.all([bootstrapTeam(), bootstrapTeam()]);
    const sql = postgres(e2eDatabaseUrl(e2eAdminUrl()), { max: 1 });
    await sql`insert into memberships (team_id, user_id, role) values (${owner.teamId}, ${member.userId}, ${role})`;
    await sql.end();
    const api = client(request, owner.apiKey);
    const endpoint = await (await api.post("/endpoints", { url: "http://127.0.0.1:9/r" })).json();
    const source = await (
      await api.post("/sources", { name: "Shop", verification: { kind: "none" } })
    ).json();
    const event = await (await api.post("/events", { type: "order.paid", payload: {} })).json();
    const ids = {
      endpoints: endpoint.id,
      sources: source.id,
      events: event.id,
      deliveries: event.deliveries[0],
    };

    await signIn(page, member.email, member.password);
    const urls = dashboardUrls(owner.teamSlug, ids);
    expect(urls).toContain(`/${owner.teamSlug}/settings/audit-log`);
    for (const url of urls) {
      const response = await page.goto(url);
      expect(response!.status(), url).toBeLessThan(400);
      await expect(page.locator("h1").first(), url).toBeVisible();
      await expect(page.getByText(`Role: ${role}`), url).toBeVisible();
    }

    // Each settings tab holds something only admins and owners may use, and says so.
    for (const tab of ["", "/members", "/api-keys", "/audit-log"]) {
      await page.goto(`/${owner.teamSlug}/settings${tab}`);
      await expect(page.getByRole("navigation", { name: "Settings sections" })).toBeVisible();
      await expect(page.getByText(`Your role in this team is ${role}.`), tab).toBeVisible();
    }
    // The audit log is for admins and owners: its tab says so rather than failing.
    await expect(page.getByText("Only admins and owners can read the audit log.")).toBeVisible();
    await expect(page.getByRole("table", { name: "Audit log" })).toHaveCount(0);
    await page.screenshot({ path: `e2e/screenshots/audit-log-${role}.png`, fullPage: true });
  });
}
