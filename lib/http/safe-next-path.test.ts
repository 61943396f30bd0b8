import { describe, expect, it } from "vitest";
import { safeCallbackUrl, safeNextPath } from "./safe-next-path";

describe("safeNextPath", () => {
  it("keeps paths on this site, with their query and hash", () => {
    expect(safeNextPath("/acme/overview")).toBe("/acme/overview");
    expect(safeNextPath("/acme/deliveries?status=failed#top")).toBe(
      "/acme/deliveries?status=failed#top",
    );
    expect(safeNextPath("/invite/abc_DEF-123")).toBe("/invite/abc_DEF-123");
    expect(safeNextPath("/a/../b")).toBe("/b");
  });

  it.each([
    "//example.com",
    "/\\example.com",
    "/\t/example.com",
    "/\n/example.com",
    "/\r\n/x",
    "/\u0000/x",
    "\\\\example.com",
    "https://example.com/",
    "http:/example.com",
    "javascript:alert(1)",
    "/.//example.com",
    "/./\\example.com",
    " /x",
    "",
    "x",
  ])("sends %j home", (value) => {
    expect(safeNextPath(value)).toBe("/");
  });

  it.each(["/%09/example.com", "/%2F%2Fexample.com", "/%5Cexample.com", "/%0a/x"])(
    "keeps the encoded %j as a path on this site",
    (value) => {
      const kept = safeNextPath(value);
      expect(new URL(kept, "https://ours.test").origin).toBe("https://ours.test");
      expect(kept.startsWith("//")).toBe(false);
    },
  );

  it("keeps a space as part of the path, not a way out", () => {
    expect(safeNextPath("/ /example.com")).toBe("/%20/example.com");
  });

  it("refuses what is not a string", () => {
    expect(safeNextPath(null)).toBe("/");
    expect(safeNextPath(undefined)).toBe("/");
  });
});

describe("safeCallbackUrl", () => {
  const base = "https://hooks.example.org";
  it("keeps same-origin URLs and paths", () => {
    expect(safeCallbackUrl("/acme/overview", base)).toBe(`${base}/acme/overview`);
    expect(safeCallbackUrl(`${base}/acme`, base)).toBe(`${base}/acme`);
  });
  it.each(["https://evil.example/", "//evil.example", "/\\evil.example", "/\t/evil.example"])(
    "sends %j to the base",
    (url) => {
      expect(new URL(safeCallbackUrl(url, base)).origin).toBe(base);
    },
  );
});
