import { test as base, expect, type Page, type Request } from "@playwright/test";

/**
 * Watches a page for everything that means "broken": console errors, uncaught exceptions,
 * failed requests and 4xx/5xx answers. Every test gets one; it fails the test at the end.
 */
export class PageWatch {
  readonly problems: string[] = [];
  private readonly inFlight = new Set<Request>();
  private readonly expectedStatuses = new Set<string>();
  // Which page load each request belonged to: leaving a page aborts what it was still loading.
  private documentLoads = 0;
  private readonly loadOf = new WeakMap<Request, number>();

  constructor(private readonly page: Page) {
    page.on("console", (message) => {
      // The browser also logs the error status of a page the test meant to open.
      const expected = this.expectedStatuses.has(message.location().url);
      if (message.type() === "error" && !expected) this.problems.push(`console: ${message.text()}`);
    });
    page.on("pageerror", (error) => this.problems.push(`page error: ${error.message}`));
    page.on("request", (request) => {
      // A new document navigation (goto, reload, link) starts by abandoning the old page's loads.
      if (request.isNavigationRequest() && request.frame() === page.mainFrame())
        this.documentLoads++;
      this.inFlight.add(request);
      this.loadOf.set(request, this.documentLoads);
    });
    page.on("requestfinished", (request) => this.inFlight.delete(request));
    page.on("requestfailed", (request) => {
      this.inFlight.delete(request);
      const reason = request.failure()?.errorText ?? "";
      // The App Router cancels its own fetches: superseded prefetches, and the rest of a
      // stream it no longer needs (a server action's answer once its result is read). Those are
      // not failures; a server error still shows as a 4xx/5xx answer below.
      const headers = request.headers();
      const routerFetch = headers["rsc"] === "1" || headers["next-action"] !== undefined;
      const cancelledByRouter = reason === "net::ERR_ABORTED" && routerFetch;
      // A subresource of a page the test already left (an icon still loading) is aborted by
      // the browser, not failed by the server.
      const leftBehind =
        reason === "net::ERR_ABORTED" &&
        !request.isNavigationRequest() &&
        (this.loadOf.get(request) ?? this.documentLoads) < this.documentLoads;
      // Build assets and icons are only ever aborted by the browser itself (a page left while
      // a chunk was loading, the tab icon refetched, which Chromium files as "other" rather
      // than "image"); a server failure shows as a status below. Only the app's own data
      // requests (fetch, XHR, documents) count when aborted.
      const appRequest = ["document", "fetch", "xhr", "eventsource"].includes(
        request.resourceType(),
      );
      const assetCancelled = reason === "net::ERR_ABORTED" && !appRequest;
      if (!cancelledByRouter && !leftBehind && !assetCancelled) {
        this.problems.push(`request failed: ${request.method()} ${request.url()} ${reason}`);
      }
    });
    page.on("response", (response) => {
      if (response.status() >= 400 && !this.expectedStatuses.has(response.url())) {
        this.problems.push(`HTTP ${response.status()}: ${response.url()}`);
      }
    });
  }

  /** For a test that means to open a missing page. */
  allowErrorStatus(url: string) {
    this.expectedStatuses.add(url);
  }

  /** Waits until no request the page made is still open (form actions stream their answer). */
  async settled() {
    await expect.poll(() => this.inFlight.size, { timeout: 15_000 }).toBe(0);
  }

  async expectClean() {
    await this.settled();
    expect(this.problems).toEqual([]);
  }
}

export const test = base.extend<{ watch: PageWatch }>({
  watch: [
    async ({ page }, use) => {
      const watch = new PageWatch(page);
      await use(watch);
      await watch.expectClean();
    },
    { auto: true },
  ],
});

export { expect };

/** Signs a new user up through the real forms and creates their team; returns the team's URL slug. */
export async function signUpWithTeam(
  page: Page,
  teamName = "Payments",
): Promise<{ slug: string; email: string }> {
  const email = `user-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.com`;
  await page.goto("/sign-up");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("correct horse battery");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/teams\/new$/);
  await page.getByLabel("Team name").fill(teamName);
  await page.getByRole("button", { name: "Create team" }).click();
  await expect(page).toHaveURL(/\/[a-z0-9-]+\/overview$/);
  return { slug: new URL(page.url()).pathname.split("/")[1]!, email };
}
