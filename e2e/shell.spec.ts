import { expect, type Page, test } from "@playwright/test";

const sections = [
  { path: "overview", heading: "Overview", empty: "Nothing is being delivered yet" },
  { path: "endpoints", heading: "Endpoints", empty: "No endpoints yet" },
  { path: "sources", heading: "Sources", empty: "No sources yet" },
  { path: "deliveries", heading: "Deliveries", empty: "No deliveries yet" },
  { path: "events", heading: "Events", empty: "No events yet" },
  { path: "settings", heading: "Settings", empty: "Identifiers" },
];

/** Collects every console error, failed request and error response a page produces. */
function watchForProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("requestfailed", (request) => {
    const reason = request.failure()?.errorText ?? "";
    // The App Router cancels its own RSC fetches (superseded prefetches, streams it no longer
    // needs). Those are not failures; a server error still shows up as a 4xx/5xx response below.
    const cancelledByRouter = reason === "net::ERR_ABORTED" && request.headers()["rsc"] === "1";
    if (!cancelledByRouter) problems.push(`request failed: ${request.url()} ${reason}`);
  });
  page.on("response", (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  return problems;
}

/** Lets the page's own requests (link prefetches included) finish, then demands none went wrong. */
async function expectNoProblems(page: Page, problems: string[]) {
  await page.waitForLoadState("networkidle");
  expect(problems).toEqual([]);
}

test("the root opens the default team's overview", async ({ page }) => {
  const problems = watchForProblems(page);
  await page.goto("/");
  await expect(page).toHaveURL(/\/default\/overview$/);
  await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();
  await expectNoProblems(page, problems);
});

for (const section of sections) {
  test(`${section.heading} renders with its empty state and no errors`, async ({ page }) => {
    const problems = watchForProblems(page);
    await page.goto(`/default/${section.path}`);
    await expect(page.getByRole("heading", { level: 1, name: section.heading })).toBeVisible();
    await expect(page.getByText(section.empty, { exact: true })).toBeVisible();
    await expect(page.getByRole("link", { name: section.heading, exact: true })).toHaveAttribute(
      "aria-current",
      "page",
    );
    await expectNoProblems(page, problems);
  });
}

test("every section is reachable from the sidebar with the keyboard", async ({ page }) => {
  const problems = watchForProblems(page);
  await page.goto("/default/overview");
  const nav = page.getByRole("navigation", { name: "Team sections" });
  for (const section of sections.slice(1)) {
    await nav.getByRole("link", { name: section.heading, exact: true }).focus();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("heading", { level: 1, name: section.heading })).toBeVisible();
  }
  await expectNoProblems(page, problems);
});

test("renaming the team validates inline and persists", async ({ page }) => {
  const problems = watchForProblems(page);
  await page.goto("/default/settings");
  const name = page.getByLabel("Team name");

  // Bypass the browser's own minlength check so the server's message is what we see.
  await name.evaluate((input) => input.removeAttribute("minlength"));
  await name.fill("x");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.locator("form").getByRole("alert")).toHaveText(
    "A team name needs at least 2 characters.",
  );

  await name.fill("Payments platform");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status")).toHaveText("Saved.");

  await page.reload();
  await expect(page.getByLabel("Team name")).toHaveValue("Payments platform");
  await expect(page.getByRole("complementary")).toContainText("Payments platform");
  await expectNoProblems(page, problems);
});

test("an unknown team answers 404 with a way back", async ({ page }) => {
  const response = await page.goto("/no-such-team/overview");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("link", { name: "Go to your dashboard" })).toBeVisible();
});
