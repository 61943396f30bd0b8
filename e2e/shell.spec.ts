import { expect, signUpWithTeam, test } from "./fixtures";

const sections = [
  { path: "overview", heading: "Overview", empty: "Nothing is being delivered yet" },
  { path: "endpoints", heading: "Endpoints", empty: "No endpoints yet" },
  { path: "sources", heading: "Sources", empty: "No sources yet" },
  { path: "deliveries", heading: "Deliveries", empty: "No deliveries yet" },
  { path: "events", heading: "Events", empty: "No events yet" },
  { path: "settings", heading: "Settings", empty: "Identifiers" },
];

test("signed out, the root asks to sign in; signed in, it opens the user's team", async ({
  page,
}) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/sign-in$/);
  const { slug } = await signUpWithTeam(page);
  await page.goto("/");
  await expect(page).toHaveURL(new RegExp(`/${slug}/overview$`));
  await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();
});

for (const section of sections) {
  test(`${section.heading} renders with its empty state and no errors`, async ({ page }) => {
    const { slug } = await signUpWithTeam(page);
    await page.goto(`/${slug}/${section.path}`);
    await expect(page.getByRole("heading", { level: 1, name: section.heading })).toBeVisible();
    await expect(page.getByText(section.empty, { exact: true })).toBeVisible();
    await expect(page.getByRole("link", { name: section.heading, exact: true })).toHaveAttribute(
      "aria-current",
      "page",
    );
  });
}

test("every section is reachable from the sidebar with the keyboard", async ({ page }) => {
  await signUpWithTeam(page);
  const nav = page.getByRole("navigation", { name: "Team sections" });
  for (const section of sections.slice(1)) {
    await nav.getByRole("link", { name: section.heading, exact: true }).focus();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("heading", { level: 1, name: section.heading })).toBeVisible();
  }
});

test("renaming the team validates inline and persists", async ({ page, watch }) => {
  const { slug } = await signUpWithTeam(page);
  await page.goto(`/${slug}/settings`);
  const name = page.getByLabel("Team name");

  // Bypass the browser's own minlength check so the server's message is what we see.
  await name.evaluate((input) => input.removeAttribute("minlength"));
  await name.fill("x");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.locator("form").getByRole("alert")).toHaveText(
    "A team name needs at least 2 characters.",
  );
  await watch.settled();

  await name.fill("Payments platform");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status")).toHaveText("Saved.");
  await watch.settled();

  await page.reload();
  await expect(page.getByLabel("Team name")).toHaveValue("Payments platform");
  await expect(page.getByRole("combobox", { name: "Team" })).toHaveValue(slug);
  await expect(page.getByRole("option", { name: "Payments platform" })).toHaveCount(1);
});

test("an unknown team answers 404 with a way back", async ({ page, watch, baseURL }) => {
  await signUpWithTeam(page);
  watch.allowErrorStatus(`${baseURL}/no-such-team/overview`);
  const response = await page.goto("/no-such-team/overview");
  expect(response?.status()).toBe(404);
  await page.getByRole("link", { name: "Go to your dashboard" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();
});

test("a missing endpoint answers 404 inside the team's frame, with a way back", async ({
  page,
  watch,
  baseURL,
}) => {
  const { slug } = await signUpWithTeam(page);
  watch.allowErrorStatus(`${baseURL}/${slug}/endpoints/ep_missing`);
  const response = await page.goto(`/${slug}/endpoints/ep_missing`);
  expect(response?.status()).toBe(404);
  await expect(
    page.getByRole("heading", { level: 1, name: "Not found in this team" }),
  ).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Team sections" })).toBeVisible();
  await page.getByRole("link", { name: "Back to the overview" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();
});
