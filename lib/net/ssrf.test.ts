import { describe, expect, it } from "vitest";
import { FORBIDDEN_TARGETS } from "@/test/ssrf-targets";
import {
  assertPublicTarget,
  guardedLookup,
  InvalidTargetError,
  isPublicAddress,
  SsrfBlockedError,
} from "./ssrf";

describe("SSRF guard at save", () => {
  it.each(FORBIDDEN_TARGETS)("refuses %s", async (url) => {
    await expect(assertPublicTarget(url, { allowPrivate: false })).rejects.toBeInstanceOf(
      SsrfBlockedError,
    );
  });

  it.each(["127.0.0.1", "10.0.0.1", "169.254.169.254", "::1", "fc00::1", "100.64.0.1"])(
    "refuses a hostname resolving to %s",
    async (address) => {
      const resolve = async () => ["93.184.215.14", address];
      await expect(
        assertPublicTarget("https://hooks.example.com/x", { allowPrivate: false, resolve }),
      ).rejects.toThrow(address);
    },
  );

  it("accepts public targets, and private ones when HOOKYARD_ALLOW_PRIVATE_TARGETS is on", async () => {
    const resolve = async () => ["93.184.215.14", "2606:2800:21f:cb07:6820:80da:af6b:8b2c"];
    await expect(
      assertPublicTarget("https://example.com/hook", { allowPrivate: false, resolve }),
    ).resolves.toBeInstanceOf(URL);
    await expect(
      assertPublicTarget("http://127.0.0.1:9/", { allowPrivate: true }),
    ).resolves.toBeInstanceOf(URL);
  });

  it("explains bad URLs", async () => {
    await expect(
      assertPublicTarget("ftp://example.com", { allowPrivate: false }),
    ).rejects.toBeInstanceOf(InvalidTargetError);
    await expect(assertPublicTarget("not a url", { allowPrivate: false })).rejects.toThrow(
      /absolute URL/,
    );
    const resolve = async () => Promise.reject(new Error("ENOTFOUND"));
    await expect(
      assertPublicTarget("https://nope.invalid", { allowPrivate: false, resolve }),
    ).rejects.toThrow(/does not resolve/);
  });

  it("classifies addresses", () => {
    expect(isPublicAddress("1.1.1.1")).toBe(true);
    expect(isPublicAddress("::ffff:1.1.1.1")).toBe(true);
    expect(isPublicAddress("::ffff:10.0.0.1")).toBe(false);
    expect(isPublicAddress("224.0.0.1")).toBe(false);
    expect(isPublicAddress("not-an-ip")).toBe(false);
  });

  it("judges the IPv4-compatible IPv6 form by the IPv4 it carries, however it is spelled", async () => {
    for (const spelling of ["::127.0.0.1", "::7f00:1", "::10.0.0.1", "::a9fe:a9fe"])
      expect(isPublicAddress(spelling), spelling).toBe(false);
    expect(isPublicAddress("::8.8.8.8")).toBe(true);
    // The URL parser writes [::127.0.0.1] as [::7f00:1]: refused when the endpoint is saved.
    await expect(
      assertPublicTarget("http://[::127.0.0.1]/hook", { allowPrivate: false }),
    ).rejects.toBeInstanceOf(SsrfBlockedError);
  });
});

describe("SSRF guard at connect", () => {
  const lookupWith = (addresses: string[], all: boolean) =>
    new Promise<unknown>((resolve, reject) => {
      guardedLookup({ allowPrivate: false, resolve: async () => addresses })(
        "h.example",
        { all },
        (error, address) => (error ? reject(error) : resolve(address)),
      );
    });

  it("refuses a private answer and passes a public one, in both lookup shapes", async () => {
    await expect(lookupWith(["10.1.2.3"], false)).rejects.toBeInstanceOf(SsrfBlockedError);
    await expect(lookupWith(["8.8.8.8", "127.0.0.1"], true)).rejects.toBeInstanceOf(
      SsrfBlockedError,
    );
    await expect(lookupWith(["8.8.8.8"], false)).resolves.toBe("8.8.8.8");
    await expect(lookupWith(["8.8.8.8"], true)).resolves.toEqual([
      { address: "8.8.8.8", family: 4 },
    ]);
  });
});
