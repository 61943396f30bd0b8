import { bootstrapTeam, client } from "./api-client";
import { E2E_CRON_SECRET } from "./environment";
import { expect, test } from "./fixtures";
import { startReceiverProcess } from "./receiver";
import { signIn } from "./server-actions";

// The log's filters live in the URL, pages follow cursors, and failed deliveries can be
// selected and resent together once the receiver is back.

test("filters in the URL, cursor pages, and bulk resend of failed deliveries", async ({
  page,
  request,
}) => {
  test.setTimeout(90_000);
  const receiver = await startReceiverProcess();
  try {
    await receiver.fail();
    const team = await bootstrapTeam();
    const api = client(request, team.apiKey);
    expect((await api.post("/endpoints", { url: receiver.url })).status()).toBe(201);
    const published: { id: string; deliveries: string[] }[] = [];
    for (const type of ["order.paid", "order.paid", "invoice.sent"]) {
      published.push(await (await api.post("/events", { type, payload: { type } })).json());
    }
    const ids = published.flatMap((e) => e.deliveries);
    // No worker runs in the e2e server: the sweeper sends the retries until each gives up.
    await expect
      .poll(
        async () => {
          await request.post("/api/cron/sweep", {
            headers: { Authorization: `Bearer ${E2E_CRON_SECRET}` },
          });
          const statuses = await Promise.all(
            ids.map(async (id) => (await (await api.get(`/deliveries/${id}`)).json()).status),
          );
          return statuses.every((s) => s === "failed");
        },
        { timeout: 30_000, intervals: [500] },
      )
      .toBe(true);

    await signIn(page, team.email, team.password);
    await page.goto(`/${team.teamSlug}/deliveries`);
    const rows = page.locator("tbody tr[data-delivery-id]");
    await expect(rows).toHaveCount(3);

    const filters = page.getByRole("search", { name: "Filter deliveries" });
    await filters.getByLabel("Status").selectOption("failed");
    await filters.getByLabel("Event type").fill("invoice.sent");
    await filters.getByRole("button", { name: "Apply filters" }).click();
    await expect(page).toHaveURL(/status=failed/);
    await expect(page).toHaveURL(/eventType=invoice.sent/);
    await expect(rows).toHaveCount(1);
    await page.reload();
    await expect(filters.getByLabel("Event type")).toHaveValue("invoice.sent");
    await expect(rows).toHaveCount(1);

    await page.goto(`/${team.teamSlug}/deliveries?id=${published[0]!.id}`);
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toHaveAttribute("data-delivery-id", published[0]!.deliveries[0]!);

    await page.goto(`/${team.teamSlug}/deliveries?limit=2`);
    await expect(rows).toHaveCount(2);
    await page.getByRole("link", { name: "Older →" }).click();
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toHaveAttribute("data-delivery-id", ids[0]!);
    await page.getByRole("link", { name: "← Newest" }).click();
    await expect(rows).toHaveCount(2);

    await receiver.succeed();
    await page.goto(`/${team.teamSlug}/deliveries?eventType=order.paid`);
    for (const id of published.slice(0, 2).map((e) => e.deliveries[0]!))
      await page.getByLabel(`Select delivery ${id}`).check();
    await page.getByRole("button", { name: "Resend selected (2)" }).click();
    await expect(page.getByText("Resent 2 deliveries: 2 succeeded.")).toBeVisible();
    await expect(rows.getByText("succeeded")).toHaveCount(2);
    expect((await receiver.received()).filter((r) => r.body.includes("order.paid")).length).toBe(
      2 * 3 + 2,
    );
  } finally {
    await receiver.stop();
  }
});
