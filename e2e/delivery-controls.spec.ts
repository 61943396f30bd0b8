import { bootstrapTeam, client } from "./api-client";
import { expect, test } from "./fixtures";
import { signIn } from "./server-actions";

// The scheduler's controls in the dashboard: the form's fields with their errors inline, and an
// ordered endpoint's stuck key shown with Retry now and Skip.

test("an ordered endpoint's stuck key can be retried and skipped; the controls are validated", async ({
  page,
  request,
}) => {
  test.setTimeout(90_000);
  const team = await bootstrapTeam();
  const api = client(request, team.apiKey);
  // Nothing listens on port 9: every attempt fails, and the next is an hour away.
  const endpoint = await (
    await api.post("/endpoints", {
      url: "http://127.0.0.1:9/orders",
      ordering: "key",
      retrySchedule: "1h",
    })
  ).json();
  for (const n of [1, 2, 3])
    await api.post("/events", { type: "order.updated", payload: { n }, orderingKey: "order-42" });
  await expect
    .poll(async () => (await (await api.get(`/endpoints/${endpoint.id}/stuck`)).json()).data)
    .toMatchObject([{ orderingKey: "order-42", attempts: 1, waiting: 2 }]);

  await signIn(page, team.email, team.password);
  await page.goto(`/${team.teamSlug}/endpoints/${endpoint.id}`);
  await expect(page.getByText("One at a time per ordering key")).toBeVisible();
  const stuck = page.getByRole("table", { name: "Ordering keys blocked" });
  const row = stuck.getByRole("row").filter({ hasText: "order-42" });
  await expect(row).toContainText("1 attempt");
  await expect(row.getByRole("cell").nth(3)).toHaveText("2");

  // Retry now brings the head's next try forward (to now, from an hour away).
  await row.getByRole("button", { name: "Retry now" }).click();
  await expect(row.getByRole("alert")).toHaveCount(0);
  await expect
    .poll(async () => {
      const [key] = (await (await api.get(`/endpoints/${endpoint.id}/stuck`)).json()).data;
      return Date.parse(key.nextAttemptAt) - Date.now();
    })
    .toBeLessThan(60_000);

  // Skip gives the head up; the key goes on with its next delivery (not tried yet: no worker
  // runs in the e2e server), so nothing is blocked any more.
  await row.getByRole("button", { name: "Skip" }).click();
  await row.getByRole("button", { name: "Give it up and go on" }).click();
  await expect(page.getByText("No key is blocked")).toBeVisible();
  const skipped = await (
    await api.get(`/deliveries?endpointId=${endpoint.id}&status=failed`)
  ).json();
  expect(skipped.data).toHaveLength(1);

  // The controls in the form: inline errors, then saved and shown.
  await page.getByRole("link", { name: "Edit endpoint" }).click();
  await page.getByLabel("Requests at once").fill("0");
  await page.getByLabel("Retry schedule").fill("soon");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(
    page.getByText("Requests at once must be a whole number from 1 to 1000"),
  ).toBeVisible();
  await page.getByLabel("Requests at once").fill("2");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Retry schedule must be comma-separated delays")).toBeVisible();
  await expect(page.getByLabel("Retry schedule")).toHaveValue("soon");
  await page.getByLabel("Retry schedule").fill("10s, 5m");
  await page.getByLabel("Rate limit (per second)").fill("5");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page).toHaveURL(new RegExp(`/endpoints/${endpoint.id}$`));
  await expect(page.getByText("of at most 2 at once")).toBeVisible();
  await expect(page.getByText("of a limit of 5")).toBeVisible();
  const saved = await (await api.get(`/endpoints/${endpoint.id}`)).json();
  expect(saved).toMatchObject({ maxInFlight: 2, rateLimitPerSecond: 5, retrySchedule: "10s, 5m" });
});
