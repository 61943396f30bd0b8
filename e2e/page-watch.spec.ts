import { expect, PageWatch, test } from "./fixtures";
import { startWatchSite } from "./watch-site";

// The watcher every spec relies on must fail on what is broken and only on that. Each case
// opens a page of a small site of its own in a fresh tab with a watcher of its own.
test.describe("the page watcher", () => {
  let site: Awaited<ReturnType<typeof startWatchSite>>;
  test.beforeAll(async () => {
    site = await startWatchSite();
  });
  test.afterAll(async () => {
    await site.stop();
  });

  async function watched(context: import("@playwright/test").BrowserContext, path: string) {
    const tab = await context.newPage();
    const watch = new PageWatch(tab);
    await tab.goto(`${site.origin}${path}`);
    await tab.waitForFunction(() => (window as { done?: boolean }).done === true);
    return { tab, watch };
  }

  for (const [path, expected] of [
    ["/page/server-error", /HTTP 500: .*\/server-error/],
    ["/page/reset", /request failed: GET .*\/reset net::ERR_/],
    ["/page/refused", /request failed: GET .* net::ERR_CONNECTION_REFUSED/],
    ["/page/self-abort", /request failed: GET .*\/hang net::ERR_ABORTED/],
  ] as const) {
    test(`fails a test on ${path.slice("/page/".length)}`, async ({ context }) => {
      const { tab, watch } = await watched(context, path);
      await watch.settled();
      // The browser also logs most of these to the console, which the watcher counts as well.
      expect(watch.problems).toEqual(expect.arrayContaining([expect.stringMatching(expected)]));
      await expect(watch.expectClean()).rejects.toThrow();
      await tab.close();
    });
  }

  test("ignores a fetch aborted because the page navigated away", async ({ context }) => {
    const { tab, watch } = await watched(context, "/page/hang");
    await tab.goto(`${site.origin}/page/fine`);
    await tab.waitForFunction(() => (window as { done?: boolean }).done === true);
    await watch.expectClean();
    await tab.close();
  });
});
