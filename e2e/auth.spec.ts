import { expect, signUpWithTeam, test } from "./fixtures";

test("a signed-out visitor is sent to sign in, and back after", async ({ page }) => {
  const { slug, email } = await signUpWithTeam(page);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await page.goto(`/${slug}/deliveries`);
  await expect(page).toHaveURL(/\/sign-in$/);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("correct horse battery");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(new RegExp(`/${slug}/overview$`));
});

test("sign-in errors are the same for a wrong password and an unknown email", async ({ page }) => {
  const { email } = await signUpWithTeam(page);
  await page.getByRole("button", { name: "Sign out" }).click();
  const attempt = async (address: string) => {
    await page.getByLabel("Email").fill(address);
    await page.getByLabel("Password").fill("definitely wrong");
    await page.getByRole("button", { name: "Sign in" }).click();
    return page.locator("form").getByRole("alert").textContent();
  };
  const wrongPassword = await attempt(email);
  const unknownEmail = await attempt(`nobody-${Date.now()}@example.com`);
  expect(wrongPassword).toBe("Email or password is incorrect.");
  expect(unknownEmail).toBe(wrongPassword);
});

test("another user's team is not found", async ({ page, browser, baseURL }) => {
  const { slug } = await signUpWithTeam(page, "Private");
  const other = await browser.newContext({ baseURL });
  const otherPage = await other.newPage();
  await signUpWithTeam(otherPage, "Mine");
  const response = await otherPage.goto(`/${slug}/overview`);
  expect(response?.status()).toBe(404);
  await other.close();
});
