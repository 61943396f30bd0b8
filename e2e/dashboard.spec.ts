import type { Page } from "@playwright/test";
import { expect, PageWatch, signUpWithTeam, test } from "./fixtures";
import { startReceiverProcess } from "./receiver";

// The dashboard's main journey: a new team wires a source to an endpoint, watches a request arrive
// live, sees a failure with its scheduled retry, recovers it with Resend, and reads it on the
// chart.

type RatePoint = { t: string; successRate: number | null };

async function lastSuccessRate(page: Page, slug: string): Promise<number | null> {
  await page.goto(`/${slug}/overview`);
  const chart = page.locator('[data-chart="success-rate"]');
  await expect(chart).toBeVisible();
  const series = JSON.parse((await chart.getAttribute("data-series")) ?? "[]") as RatePoint[];
  return series.filter((p) => p.successRate !== null).at(-1)?.successRate ?? null;
}

test("a request flows from a source to an endpoint, fails, is resent and shows on the charts", async ({
  page,
  context,
  request,
}) => {
  test.setTimeout(90_000);
  const receiver = await startReceiverProcess();
  try {
    const { slug } = await signUpWithTeam(page);

    await page.goto(`/${slug}/endpoints/new`);
    await page.getByLabel("URL", { exact: true }).fill(receiver.url);
    await page.getByRole("button", { name: "Create endpoint" }).click();
    await expect(page).toHaveURL(new RegExp(`/${slug}/endpoints/ep_`));

    await page.goto(`/${slug}/sources/new`);
    await page.getByLabel("Name", { exact: true }).fill("Shop");
    await page.getByRole("button", { name: "Create source" }).click();
    await expect(page).toHaveURL(new RegExp(`/${slug}/sources/src_`));
    const ingestUrl = (await page.getByTestId("ingest-url").textContent())!.trim();

    // The delivery log is open in a second tab before anything arrives.
    const log = await context.newPage();
    const logWatch = new PageWatch(log);
    await log.goto(`/${slug}/deliveries`);
    await expect(log.getByText("No deliveries yet")).toBeVisible();

    const first = await request.post(ingestUrl, { data: { order: 1, note: "first" } });
    expect(first.status()).toBe(202);
    const inspector = page.getByRole("region", { name: "Requests" });
    await expect(
      inspector.locator('[data-testid="source-request"][data-result="accepted"]'),
    ).toHaveCount(1, { timeout: 2_000 });
    const firstRow = log.locator("tbody tr").first();
    await expect(firstRow).toBeVisible({ timeout: 2_000 });
    await expect(firstRow.getByText("succeeded")).toBeVisible();
    await firstRow.getByRole("link").click();
    await expect(log.getByText("thanks from the receiver")).toBeVisible();
    await expect(log.locator('[data-attempt="1"]').getByText("HTTP 200")).toBeVisible();

    const healthy = await lastSuccessRate(log, slug);
    expect(healthy).toBe(1);

    // The receiver goes down: the next event fails and waits for its scheduled retry.
    await receiver.fail();
    const second = await request.post(ingestUrl, { data: { order: 2, note: "second" } });
    expect(second.status()).toBe(202);
    await log.goto(`/${slug}/deliveries`);
    const failingRow = log.locator("tbody tr").first();
    await expect(failingRow.getByRole("cell", { name: "500", exact: true })).toBeVisible();
    await failingRow.getByRole("link").click();
    await expect(log.locator('[data-attempt="1"]').getByText("HTTP 500")).toBeVisible();
    await expect(log.getByText("receiver is down")).toBeVisible();
    await expect(log.getByTestId("next-retry")).not.toHaveText("none scheduled");
    await expect(log.getByTestId("delivery-why")).toContainText("next automatic attempt");
    const failingUrl = log.url();

    const dropped = await lastSuccessRate(log, slug);
    expect(dropped).toBeLessThan(healthy!);

    // It recovers; Resend sends now, as a manual attempt, and the delivery succeeds.
    await receiver.succeed();
    await log.goto(failingUrl);
    await log.getByRole("button", { name: "Resend" }).click();
    await expect(log.getByTestId("delivery-status")).toHaveText("succeeded");
    const manual = log.locator('[data-attempt="2"]');
    await expect(manual.getByText("manual")).toBeVisible();
    await expect(manual.getByText("HTTP 200")).toBeVisible();

    const recovered = await lastSuccessRate(log, slug);
    expect(recovered).toBeGreaterThan(dropped!);

    // A wider range regroups the same rollup by day: 31 daily points, today's last.
    const range = log.getByRole("group", { name: "Time range" });
    await range.getByRole("button", { name: "30 d" }).click();
    await expect(range.getByRole("button", { name: "30 d" })).toHaveAttribute(
      "aria-pressed",
      "true",
    );
    const chart = log.locator('[data-chart="success-rate"]');
    await expect
      .poll(
        async () =>
          (JSON.parse((await chart.getAttribute("data-series")) ?? "[]") as RatePoint[]).length,
      )
      .toBe(31);
    const daily = JSON.parse((await chart.getAttribute("data-series")) ?? "[]") as RatePoint[];
    // Today's point holds this test's attempts (2 of 3 succeeded, unless a day began mid-test).
    expect(daily.at(-1)!.successRate).not.toBeNull();

    await logWatch.expectClean();
  } finally {
    await receiver.stop();
  }
});
