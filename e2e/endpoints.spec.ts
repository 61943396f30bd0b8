import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";
import { E2E_CRON_SECRET } from "./environment";
import { expect, signUpWithTeam, test } from "./fixtures";

// The Endpoints section end to end: create through the form (with inline errors that keep what
// was typed), send a test event to a real receiver, reveal and rotate the secret, pause and
// enable, preview a recover, edit and delete.

type Received = { path: string; headers: IncomingHttpHeaders; body: string };

async function startReceiver() {
  const requests: Received[] = [];
  const state = { failing: false };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      requests.push({
        path: req.url ?? "/",
        headers: req.headers,
        body: Buffer.concat(chunks).toString(),
      });
      res.statusCode = state.failing ? 500 : 200;
      res.end(state.failing ? "down" : "ok");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    state,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

test("create, test, secure, pause, recover, edit and delete an endpoint", async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  const receiver = await startReceiver();
  try {
    const { slug } = await signUpWithTeam(page, "Endpoints team");
    await page
      .getByRole("navigation", { name: "Team sections" })
      .getByRole("link", { name: "Endpoints" })
      .click();
    await expect(page.getByRole("heading", { name: "No endpoints yet" })).toBeVisible();
    await page.getByRole("link", { name: "New endpoint" }).first().click();
    await expect(page).toHaveURL(new RegExp(`/${slug}/endpoints/new$`));

    // Errors appear next to their field, and nothing typed is lost.
    await page.getByLabel("URL").fill("ftp://example.com/hooks");
    await page.getByLabel("Description").fill("Order service");
    await page.getByLabel("Event types").fill("order.paid, hookyard.test");
    await page.getByLabel("Custom headers").fill("Host: evil.example\nX-Test: yes");
    await page.getByLabel("Timeout (seconds)").fill("5");
    await page.getByRole("button", { name: "Create endpoint" }).click();
    await expect(page.getByText("Host is set by Hookyard and cannot be overridden")).toBeVisible();
    await expect(page.getByLabel("URL")).toHaveValue("ftp://example.com/hooks");
    await expect(page.getByLabel("Description")).toHaveValue("Order service");
    await expect(page.getByLabel("Event types")).toHaveValue("order.paid, hookyard.test");
    await expect(page.getByLabel("Timeout (seconds)")).toHaveValue("5");
    await expect(page.getByLabel("Custom headers")).toHaveValue("Host: evil.example\nX-Test: yes");

    // The target check's message (the SSRF guard's, where private targets are refused) sits
    // under the URL field.
    await page.getByLabel("Custom headers").fill("X-Test: yes");
    await page.getByRole("button", { name: "Create endpoint" }).click();
    await expect(page.getByText("The URL must start with https:// or http://.")).toBeVisible();
    await expect(page.getByLabel("URL")).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByLabel("Custom headers")).toHaveValue("X-Test: yes");

    await page.getByLabel("URL").fill(`${receiver.url}/hooks`);
    await page.getByRole("button", { name: "Create endpoint" }).click();
    await expect(page).toHaveURL(new RegExp(`/${slug}/endpoints/ep_[0-9a-z]+$`));
    const endpointUrl = page.url();
    await expect(page.getByRole("heading", { name: `${receiver.url}/hooks` })).toBeVisible();
    await expect(page.getByText("X-Test: yes")).toBeVisible();
    await expect(page.getByText("order.paid, hookyard.test")).toBeVisible();
    await expect(page.getByRole("link", { name: "Recent deliveries" })).toHaveAttribute(
      "href",
      `/${slug}/deliveries?endpointId=${endpointUrl.split("/").pop()}`,
    );

    // A test event reaches the receiver, signed with the secret the page reveals.
    await page.getByRole("button", { name: "Send test event" }).click();
    await expect(page.getByText(/Test event evt_[0-9a-z]+ sent\./)).toBeVisible();
    await expect.poll(() => receiver.requests.length).toBe(1);
    const delivered = receiver.requests[0]!;
    expect(delivered.path).toBe("/hooks");
    expect(delivered.headers["x-test"]).toBe("yes");
    expect(delivered.headers["x-hookyard-event-type"]).toBe("hookyard.test");

    await page.getByRole("button", { name: "Reveal secret" }).click();
    const secretBox = page.getByTestId("endpoint-secret");
    await expect(secretBox).toHaveText(/^whsec_/);
    const secret = (await secretBox.textContent())!;
    expect(
      new Webhook(secret).verify(delivered.body, delivered.headers as Record<string, string>),
    ).toMatchObject({ type: "hookyard.test" });
    await page.getByRole("button", { name: "Hide secret" }).click();
    await expect(secretBox).toBeHidden();

    // Rotating asks first, then shows the new secret once with the grace period.
    await page.getByRole("button", { name: "Rotate secret" }).click();
    await page.getByRole("button", { name: "Rotate now" }).click();
    await expect(
      page.getByText(/The old secret keeps signing deliveries for 24 hours/),
    ).toBeVisible();
    await expect(secretBox).toHaveText(/^whsec_/);
    expect(await secretBox.textContent()).not.toBe(secret);

    // Pause and enable.
    const stateGroup = page.getByRole("group", { name: "Endpoint state" });
    await stateGroup.getByRole("button", { name: "Pause" }).click();
    await expect(page.getByText("Paused by a user")).toBeVisible();
    await expect(stateGroup.getByRole("button", { name: "Pause" })).toHaveAttribute(
      "aria-pressed",
      "true",
    );
    await stateGroup.getByRole("button", { name: "Enable" }).click();
    await expect(stateGroup.getByRole("button", { name: "Enable" })).toHaveAttribute(
      "aria-pressed",
      "true",
    );
    await expect(page.getByText("Paused by a user")).toBeHidden();

    // A delivery that gives up (the e2e server retries 1s, 1s and has no worker: the sweeper
    // sends retries), then recover: a preview of the count first, then the attempt.
    receiver.state.failing = true;
    await page.getByRole("button", { name: "Send test event" }).click();
    const sweepUntil = (count: number) =>
      expect
        .poll(
          async () => {
            const swept = await request.post("/api/cron/sweep", {
              headers: { Authorization: `Bearer ${E2E_CRON_SECRET}` },
            });
            expect(swept.status()).toBe(200);
            return receiver.requests.length;
          },
          { timeout: 20_000 },
        )
        .toBe(count);
    await sweepUntil(4);
    await page.getByLabel("Failed since").fill("2020-01-01T00:00");
    await page.getByRole("button", { name: "Preview" }).click();
    await expect(page.getByText("1 failed delivery since then.")).toBeVisible();
    receiver.state.failing = false;
    await page.getByRole("button", { name: "Recover 1" }).click();
    await expect(page.getByText("1 failed delivery queued for another attempt.")).toBeVisible();
    await sweepUntil(5);

    // The list shows the endpoint with its health.
    await page.getByRole("link", { name: "← Endpoints" }).click();
    const row = page.getByRole("row").filter({ hasText: `${receiver.url}/hooks` });
    await expect(row).toBeVisible();
    await expect(row.getByText("enabled", { exact: true })).toBeVisible();
    await expect(row.getByRole("cell", { name: "200", exact: true })).toBeVisible();
    // 2 of 5 attempts succeeded: the first test event, and the recovered one.
    await expect(row.getByText("40.0%")).toBeVisible();
    await row.getByRole("link", { name: `${receiver.url}/hooks` }).click();
    await expect(page).toHaveURL(endpointUrl);

    // Edit keeps the rest and saves the change.
    await page.getByRole("link", { name: "Edit endpoint" }).click();
    await expect(page.getByLabel("URL")).toHaveValue(`${receiver.url}/hooks`);
    await expect(page.getByLabel("Timeout (seconds)")).toHaveValue("5");
    await page.getByLabel("Description").fill("Order service, edited");
    await page.getByLabel("Event types").fill("");
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(page).toHaveURL(endpointUrl);
    await expect(page.getByText("Order service, edited")).toBeVisible();
    await expect(page.getByText("X-Test: yes")).toBeVisible();

    // Delete, after a confirming second click.
    await page.getByRole("button", { name: "Delete endpoint" }).click();
    await page.getByRole("button", { name: "Delete this endpoint" }).click();
    await expect(page).toHaveURL(new RegExp(`/${slug}/endpoints$`));
    await expect(page.getByRole("heading", { name: "No endpoints yet" })).toBeVisible();
  } finally {
    await receiver.close();
  }
});
