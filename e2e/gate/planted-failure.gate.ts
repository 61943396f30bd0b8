import { test } from "../fixtures";
import { startWatchSite } from "../watch-site";

// Planted on purpose, outside the normal specs: `.ci/gate` runs it and fails CI unless
// Playwright exits non-zero. The page's request answers 500; the test itself asserts nothing,
// so only the page watcher every spec gets can fail it.
test("a page whose request answers 500 fails its test", async ({ page }) => {
  const site = await startWatchSite();
  try {
    await page.goto(`${site.origin}/page/server-error`);
    await page.waitForFunction(() => (window as { done?: boolean }).done === true);
  } finally {
    await site.stop();
  }
});
