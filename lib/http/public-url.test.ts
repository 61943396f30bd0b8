import { describe, expect, it } from "vitest";
import { parseTrustedProxies, PEER_ADDRESS_HEADER } from "@/lib/net/client-address";
import { publicBaseUrl } from "./public-url";

const env = (proxies = "", publicUrl?: string) => ({
  HOOKYARD_PUBLIC_URL: publicUrl,
  TRUSTED_PROXIES: parseTrustedProxies(proxies),
});
const headers = (peer: string, more: Record<string, string>) =>
  new Headers({ [PEER_ADDRESS_HEADER]: peer, ...more });
const forwarded = {
  host: "10.0.0.7:3000",
  "x-forwarded-host": "hooks.example.com",
  "x-forwarded-proto": "https",
};

describe("publicBaseUrl", () => {
  it("is HOOKYARD_PUBLIC_URL when set, whatever the request says", () => {
    expect(
      publicBaseUrl(headers("10.0.0.1", forwarded), env("10.0.0.1", "https://in.example.com/")),
    ).toBe("https://in.example.com");
  });

  it("is the request's Host over http when the peer is not a trusted proxy", () => {
    expect(publicBaseUrl(headers("203.0.113.9", forwarded), env("10.0.0.1"))).toBe(
      "http://10.0.0.7:3000",
    );
    expect(publicBaseUrl(headers("127.0.0.1", { host: "localhost:3000" }), env())).toBe(
      "http://localhost:3000",
    );
  });

  it("believes X-Forwarded-Host and -Proto from a trusted proxy, the nearest entry first", () => {
    expect(publicBaseUrl(headers("::ffff:10.0.0.1", forwarded), env("10.0.0.0/24"))).toBe(
      "https://hooks.example.com",
    );
    const chained = { ...forwarded, "x-forwarded-host": "forged.example, hooks.example.com:8443" };
    expect(publicBaseUrl(headers("10.0.0.1", chained), env("10.0.0.1"))).toBe(
      "https://hooks.example.com:8443",
    );
    // Only a proto: the Host the proxy passed on.
    const protoOnly = { host: "hooks.example.com", "x-forwarded-proto": "https" };
    expect(publicBaseUrl(headers("10.0.0.1", protoOnly), env("10.0.0.1"))).toBe(
      "https://hooks.example.com",
    );
  });

  it("ignores hosts and protocols that are not one, falling back to the Host header", () => {
    for (const bad of ["evil.example/path", "user@evil.example", "a b", "x:99999", ""]) {
      expect(
        publicBaseUrl(
          headers("10.0.0.1", { ...forwarded, "x-forwarded-host": bad }),
          env("10.0.0.1"),
        ),
      ).toBe("https://10.0.0.7:3000");
    }
    expect(
      publicBaseUrl(
        headers("10.0.0.1", { ...forwarded, "x-forwarded-proto": "javascript" }),
        env("10.0.0.1"),
      ),
    ).toBe("http://hooks.example.com");
    expect(publicBaseUrl(new Headers(), env())).toBe("http://localhost");
    expect(publicBaseUrl(headers("10.0.0.1", { host: "[::1]:3000" }), env())).toBe(
      "http://[::1]:3000",
    );
  });
});
