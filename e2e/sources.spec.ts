import { createHmac, randomUUID } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import { sign } from "@octokit/webhooks-methods";
import { expect, signUpWithTeam, test } from "./fixtures";

const SECRET = "github-e2e-secret-value";

test("a source from the form: live inspector shows accepted and refused requests, then edit, pause, resume and delete", async ({
  page,
  request,
}) => {
  const { slug } = await signUpWithTeam(page);
  await page.goto(`/${slug}/sources`);
  await expect(page.getByText("No sources yet")).toBeVisible();
  await page.getByRole("link", { name: "New source" }).click();
  await expect(page).toHaveURL(new RegExp(`/${slug}/sources/new$`));

  // A refused submit keeps everything typed and says what is wrong next to the field.
  await page.getByLabel("Name").fill("GitHub repo");
  await page.getByLabel("Verification").selectOption("github");
  await expect(page.getByLabel("Event type rule")).toHaveValue("header");
  await expect(page.getByLabel("Event type header")).toHaveValue("x-github-event");
  await page.getByLabel("Signing secret").fill("short");
  await page.getByRole("button", { name: "Create source" }).click();
  await expect(page.getByText("Signing secret must be at least 8 characters.")).toBeVisible();
  await expect(page.getByLabel("Name")).toHaveValue("GitHub repo");
  await expect(page.getByLabel("Verification")).toHaveValue("github");
  await expect(page.getByLabel("Signing secret")).toHaveValue("short");

  await page.getByLabel("Signing secret").fill(SECRET);
  await page.getByRole("button", { name: "Create source" }).click();
  await expect(page).toHaveURL(new RegExp(`/${slug}/sources/src_[0-9a-z]+$`));
  await expect(page.getByRole("heading", { name: "GitHub repo" })).toBeVisible();
  await expect(page.getByTestId("verification-kind")).toHaveText("github");
  const ingestUrl = await page.getByTestId("ingest-url").innerText();
  expect(ingestUrl).toMatch(/\/api\/ingest\/[\w-]+$/);
  const inspector = page.getByRole("region", { name: "Requests" });
  await expect(inspector.getByText("No requests yet")).toBeVisible();

  const body = JSON.stringify({ zen: "Design for failure.", hook_id: 42 });
  const post = async (secret: string) =>
    request.post(ingestUrl, {
      headers: {
        "content-type": "application/json",
        "x-github-event": "ping",
        "x-github-delivery": randomUUID(),
        "x-hub-signature-256": await sign(secret, body),
      },
      data: body,
    });
  expect((await post(SECRET)).status()).toBe(202);
  expect((await post("not-the-secret")).status()).toBe(401);

  // Both appear without a reload, newest first.
  const rows = inspector.getByTestId("source-request");
  await expect(rows).toHaveCount(2, { timeout: 3_000 });
  await expect(rows.nth(0)).toHaveAttribute("data-result", "rejected");
  await expect(rows.nth(0)).toContainText("rejected");
  await expect(rows.nth(0)).toContainText("Signature mismatch.");
  await expect(rows.nth(1)).toHaveAttribute("data-result", "accepted");
  await expect(rows.nth(1)).toContainText("accepted");
  await expect(rows.nth(1)).toContainText("ping");

  // Expanding with the keyboard shows headers and the pretty-printed body.
  await rows.nth(1).locator("summary").focus();
  await page.keyboard.press("Enter");
  await expect(rows.nth(1).getByLabel("Body")).toContainText('"zen": "Design for failure."');
  await expect(rows.nth(1)).toContainText("x-hub-signature-256");
  await expect(rows.nth(1)).toContainText("No endpoint subscribes to it");
  await rows.nth(0).locator("summary").click();
  await expect(rows.nth(0)).toContainText("Refused with 401");
  await expect(rows.nth(0).getByLabel("Body")).toContainText('"hook_id": 42');

  // Edit: a blank secret keeps the current one.
  await page.getByRole("link", { name: "Edit source" }).click();
  await expect(page.getByLabel("Name")).toHaveValue("GitHub repo");
  await expect(page.getByLabel("Signing secret")).toHaveValue("");
  await page.getByLabel("Name").fill("GitHub main");
  // The ordering key, for ordered endpoints: the source must say where to read it.
  await page.getByLabel("Ordering key", { exact: true }).selectOption("json-path");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Ordering key source is required.")).toBeVisible();
  await page.getByLabel("Ordering key JSON path or header").fill("repository.id");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("heading", { name: "GitHub main" })).toBeVisible();
  await expect(page.getByText("JSON path repository.id")).toBeVisible();
  expect((await post(SECRET)).status()).toBe(202);
  await expect(rows).toHaveCount(3, { timeout: 3_000 });
  await expect(rows.nth(0)).toHaveAttribute("data-result", "accepted");

  // Pause: still answered 202 (events held); resume.
  await page.getByRole("button", { name: "Pause source" }).click();
  await expect(page.getByRole("button", { name: "Resume source" })).toBeVisible();
  await expect(page.getByText("Paused: requests are still verified")).toBeVisible();
  expect((await post(SECRET)).status()).toBe(202);
  await expect(rows).toHaveCount(4, { timeout: 3_000 });
  await page.goto(`/${slug}/sources`);
  const listRow = page.getByRole("row", { name: /GitHub main/ });
  await expect(listRow).toContainText("paused");
  await expect(listRow.getByRole("cell", { name: "3", exact: true })).toBeVisible();
  await listRow.getByRole("link", { name: "GitHub main" }).click();
  await page.getByRole("button", { name: "Resume source" }).click();
  await expect(page.getByRole("button", { name: "Pause source" })).toBeVisible();

  // Delete: the list is empty again and the URL is gone.
  await page.getByRole("button", { name: "Delete source" }).click();
  await page.getByRole("button", { name: "Delete source and its URL" }).click();
  await expect(page).toHaveURL(new RegExp(`/${slug}/sources$`));
  await expect(page.getByText("No sources yet")).toBeVisible();
  expect((await post(SECRET)).status()).toBe(404);
});

test("the source form and the inspector pass axe in light and dark, and hmac-sha256 asks for its header", async ({
  page,
  request,
}) => {
  const { slug } = await signUpWithTeam(page, "Axe");
  const audit = async () => {
    for (const colorScheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme });
      const result = await new AxeBuilder({ page })
        .include("main")
        .withTags(["wcag2a", "wcag2aa", "wcag21aa"])
        .analyze();
      expect(result.violations.map((v) => `${colorScheme}: ${v.id} ${v.help}`)).toEqual([]);
    }
  };

  await page.goto(`/${slug}/sources/new`);
  await page.getByLabel("Name").fill("Internal billing");
  await page.getByLabel("Verification").selectOption("hmac-sha256");
  await page.getByLabel("Signing secret").fill("an-hmac-secret");
  await page.getByLabel("Event type rule").selectOption("json-path");
  await page.getByRole("button", { name: "Create source" }).click();
  await expect(
    page.getByText("Header is required: the name of the header that carries the signature."),
  ).toBeVisible();
  await expect(page.getByText("Event type JSON path is required")).toBeVisible();
  await expect(page.getByLabel("Event type rule")).toHaveValue("json-path");
  await audit();

  await page.getByLabel("Header", { exact: true }).fill("X-Billing-Signature");
  await page.getByLabel("Encoding").selectOption("base64");
  await page.getByLabel("Event type JSON path").fill("data.kind");
  await page.getByRole("button", { name: "Create source" }).click();
  await expect(page.getByTestId("verification-kind")).toHaveText(
    "hmac-sha256 (X-Billing-Signature, base64)",
  );
  await expect(page.getByLabel("Send a test request with curl")).toContainText(
    "X-Billing-Signature: <base64 HMAC-SHA256 of the body>",
  );

  const ingestUrl = await page.getByTestId("ingest-url").innerText();
  const body = JSON.stringify({ data: { kind: "invoice.created" } });
  const signature = createHmac("sha256", "an-hmac-secret").update(body).digest("base64");
  const accepted = await request.post(ingestUrl, {
    headers: { "content-type": "application/json", "x-billing-signature": signature },
    data: body,
  });
  expect(accepted.status()).toBe(202);
  const row = page.getByRole("region", { name: "Requests" }).getByTestId("source-request");
  await expect(row).toContainText("invoice.created", { timeout: 3_000 });
  await row.locator("summary").click();
  await expect(row.getByLabel("Body")).toContainText('"kind": "invoice.created"');
  await audit();
});
