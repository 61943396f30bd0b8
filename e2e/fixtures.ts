import { test as base, expect, type Page, type Request } from "@playwright/test";

/** The header a form's fetch carries (components/auth/credentials-form.tsx). */
const FORM_REQUEST_HEADER = "x-hookyard-form";

// How long after an abort the navigation that caused it may be reported: the abort and the
// navigation's events arrive on different channels.
const NAVIGATION_EVENT_SLACK_MS = 1_000;

/**
 * Watches a page for everything that means "broken": console errors, uncaught exceptions,
 * failed requests and 4xx/5xx answers. Every test gets one; it fails the test at the end.
 */
export class PageWatch {
  private readonly found: string[] = [];
  private readonly inFlight = new Set<Request>();
  private readonly expectedStatuses = new Set<string>();
  // When each request started, and when the main frame began or committed a navigation
  // (a document load or a same-document URL change): leaving a page aborts what it still loads.
  private readonly startedAt = new WeakMap<Request, number>();
  private readonly navigations: number[] = [];
  private readonly aborted: { startedAt: number; failedAt: number; description: string }[] = [];

  constructor(private readonly page: Page) {
    page.on("console", (message) => {
      if (message.type() !== "error") return;
      // The browser also logs every 4xx/5xx answer; the response listener below already counts
      // those, by URL (so a status the test meant to open is allowed), and the console line's
      // location is not always the failing resource's.
      if (
        /^Failed to load resource: the server responded with a status of \d+/.test(message.text())
      )
        return;
      this.found.push(`console: ${message.text()}`);
    });
    page.on("pageerror", (error) => this.found.push(`page error: ${error.message}`));
    page.on("framenavigated", (frame) => {
      if (frame === page.mainFrame()) this.navigations.push(performance.now());
    });
    page.on("request", (request) => {
      const now = performance.now();
      if (request.isNavigationRequest() && request.frame() === page.mainFrame())
        this.navigations.push(now);
      this.inFlight.add(request);
      this.startedAt.set(request, now);
    });
    page.on("requestfinished", (request) => this.inFlight.delete(request));
    page.on("requestfailed", (request) => {
      this.inFlight.delete(request);
      const reason = request.failure()?.errorText ?? "";
      const description = `request failed: ${request.method()} ${request.url()} ${reason}`;
      // Refused, reset, DNS and TLS errors always count; a 4xx/5xx answer counts below.
      if (reason !== "net::ERR_ABORTED") return void this.found.push(description);
      // The App Router cancels its own fetches: superseded prefetches, and the rest of a
      // stream it no longer needs (a server action's answer once its result is read).
      const headers = request.headers();
      if (headers["rsc"] === "1" || headers["next-action"] !== undefined) return;
      // Build assets and icons are only ever aborted by the browser itself (a chunk of a page
      // being left, the tab icon refetched, which Chromium files as "other").
      const appRequest = ["document", "fetch", "xhr", "eventsource"].includes(
        request.resourceType(),
      );
      if (!appRequest) return;
      // The app's own data requests count unless the page navigated away while they were open;
      // that is decided at the end, once every navigation event has arrived (their order
      // relative to the abort is not fixed).
      this.aborted.push({
        startedAt: this.startedAt.get(request) ?? 0,
        failedAt: performance.now(),
        description,
      });
    });
    page.on("response", (response) => {
      // A form's own submission (marked by the page with FORM_REQUEST_HEADER) answers 4xx for
      // what the user typed wrong, and the form shows it; only 5xx there means broken.
      const formAnswer =
        response.status() < 500 && response.request().headers()[FORM_REQUEST_HEADER] === "1";
      if (response.status() >= 400 && !formAnswer && !this.expectedStatuses.has(response.url())) {
        this.found.push(`HTTP ${response.status()}: ${response.url()}`);
      }
    });
  }

  /** Everything broken seen so far: aborted requests count unless the page navigated away. */
  get problems(): string[] {
    const leftBehind = (abort: (typeof this.aborted)[number]) =>
      this.navigations.some(
        (at) => at >= abort.startedAt && at <= abort.failedAt + NAVIGATION_EVENT_SLACK_MS,
      );
    return [
      ...this.found,
      ...this.aborted.filter((abort) => !leftBehind(abort)).map((abort) => abort.description),
    ];
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
