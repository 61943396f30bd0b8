import { expect, signUpWithTeam, test } from "./fixtures";

test("an owner invites a second user by link, who signs up through it and lands with the invited role", async ({
  page,
  browser,
  baseURL,
}) => {
  const { slug } = await signUpWithTeam(page, "Invite Co");
  await page.goto(`/${slug}/settings/members`);
  await page.getByLabel("Role").first().selectOption("developer");
  await page.getByRole("button", { name: "Create invitation link" }).click();
  const inviteUrl = (await page.getByTestId("invite-url").textContent())!;
  expect(inviteUrl).toContain("/invite/");

  const guest = await browser.newContext({ baseURL });
  const guestPage = await guest.newPage();
  await guestPage.goto(inviteUrl);
  await expect(guestPage.getByRole("heading", { name: "Join Invite Co" })).toBeVisible();
  await guestPage.getByRole("link", { name: "Create an account" }).click();
  const email = `invitee-${Date.now()}@example.com`;
  await guestPage.getByLabel("Email").fill(email);
  await guestPage.getByLabel("Password").fill("correct horse battery");
  await guestPage.getByRole("button", { name: "Create account" }).click();
  await expect(guestPage).toHaveURL(/\/invite\//);
  await guestPage.getByRole("button", { name: `Join as ${email}` }).click();
  await expect(guestPage).toHaveURL(new RegExp(`/${slug}/overview$`));
  await expect(guestPage.getByText("Role: developer")).toBeVisible();

  // The link worked once.
  const again = await browser.newContext({ baseURL });
  const againPage = await again.newPage();
  await againPage.goto(inviteUrl);
  await expect(
    againPage.getByRole("heading", { name: "This invitation cannot be used" }),
  ).toBeVisible();
  await guest.close();
  await again.close();

  await page.reload();
  await expect(page.getByRole("cell", { name: email })).toBeVisible();
  await page.goto(`/${slug}/settings/audit-log`);
  await expect(page.getByText("member.join")).toBeVisible();
});

test("an API key made in Settings works until it is revoked, then gets 401", async ({
  page,
  request,
}) => {
  const { slug } = await signUpWithTeam(page, "Keys Co");
  await page.goto(`/${slug}/settings/api-keys`);
  await page.getByLabel("Key name").fill("CI");
  await page.getByRole("button", { name: "Create key" }).click();
  const key = (await page.getByTestId("new-api-key").textContent())!;
  const call = () =>
    request.get("/api/v1/endpoints", { headers: { Authorization: `Bearer ${key}` } });
  expect((await call()).status()).toBe(200);

  await page.getByRole("button", { name: "Revoke", exact: true }).click();
  await page.getByRole("button", { name: "Revoke “CI”" }).click();
  await expect(page.getByText("revoked", { exact: true })).toBeVisible();
  expect((await call()).status()).toBe(401);
});

test("every settings page renders without errors", async ({ page }) => {
  const { slug } = await signUpWithTeam(page);
  for (const [path, text] of [
    ["settings", "Identifiers"],
    ["settings/members", "Invite someone"],
    ["settings/api-keys", "No API keys yet"],
    ["settings/audit-log", "Audit log"],
  ] as const) {
    await page.goto(`/${slug}/${path}`);
    await expect(page.getByRole("navigation", { name: "Settings sections" })).toBeVisible();
    await expect(page.getByText(text).first()).toBeVisible();
  }
});

test("an owner deletes the team after typing its name", async ({ page }) => {
  const { slug } = await signUpWithTeam(page, "Doomed Co");
  await page.goto(`/${slug}/settings`);
  await page.getByLabel("Type “Doomed Co” to confirm").fill("Doomed");
  await page.getByRole("button", { name: "Delete this team" }).click();
  await expect(page.locator("form").getByRole("alert")).toContainText("exactly");
  await page.getByLabel("Type “Doomed Co” to confirm").fill("Doomed Co");
  await page.getByRole("button", { name: "Delete this team" }).click();
  await expect(page).toHaveURL(/\/teams\/new$/);
});
