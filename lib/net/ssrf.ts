import { lookup } from "node:dns/promises";
import { isIP, type LookupFunction } from "node:net";
import ipaddr from "ipaddr.js";

// Webhook targets are user input: without this guard an endpoint could make Hookyard call its
// own network (cloud metadata, databases, admin panels). Checked when an endpoint is saved and
// again at connect time, because DNS can answer differently the second time (rebinding).

export type Resolver = (hostname: string) => Promise<string[]>;

export const systemResolver: Resolver = async (hostname) =>
  (await lookup(hostname, { all: true, verbatim: true })).map((entry) => entry.address);

export class SsrfBlockedError extends Error {
  readonly code = "SSRF_BLOCKED";
  constructor(
    readonly hostname: string,
    readonly address: string,
  ) {
    super(
      `${hostname} resolves to ${address}, a loopback, private, link-local or otherwise non-public address; Hookyard does not deliver to those.`,
    );
    this.name = "SsrfBlockedError";
  }
}

export class InvalidTargetError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "InvalidTargetError";
  }
}

/**
 * Only globally routable unicast addresses pass. IPv4-mapped IPv6 (::ffff:a.b.c.d) and the
 * deprecated IPv4-compatible form (::a.b.c.d, which the URL parser writes as ::7f00:1) are
 * judged as the IPv4 address they carry; NAT64, 6to4 and Teredo forms are refused outright.
 */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  const parsed = ipaddr.process(address);
  if (parsed.kind() === "ipv6") {
    const parts = (parsed as ipaddr.IPv6).parts;
    const compatible = parts.slice(0, 6).every((part) => part === 0) && parts[6]! + parts[7]! > 0;
    if (compatible && !(parts[6] === 0 && parts[7] === 1)) {
      const ipv4 = [parts[6]! >> 8, parts[6]! & 255, parts[7]! >> 8, parts[7]! & 255].join(".");
      return ipaddr.parse(ipv4).range() === "unicast";
    }
  }
  return parsed.range() === "unicast";
}

function bareHost(hostname: string): string {
  return hostname.startsWith("[") && hostname.endsWith("]") ? hostname.slice(1, -1) : hostname;
}

export type TargetCheckOptions = { resolve?: Resolver; allowPrivate: boolean };

/** Refuses a URL that is not http(s) or whose host is, or resolves to, a non-public address. */
export async function assertPublicTarget(url: string, options: TargetCheckOptions): Promise<URL> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new InvalidTargetError("Enter an absolute URL such as https://example.com/webhooks.");
  }
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:") {
    throw new InvalidTargetError("The URL must start with https:// or http://.");
  }
  if (options.allowPrivate) return parsed;

  const host = bareHost(parsed.hostname);
  let addresses: string[];
  if (isIP(host)) {
    addresses = [host];
  } else {
    try {
      addresses = await (options.resolve ?? systemResolver)(host);
    } catch {
      throw new InvalidTargetError(`${host} does not resolve to an address. Check the hostname.`);
    }
  }
  const blocked = addresses.find((address) => !isPublicAddress(address));
  if (blocked !== undefined || addresses.length === 0) {
    throw new SsrfBlockedError(host, blocked ?? "no address");
  }
  return parsed;
}

/** A `lookup` for net/tls.connect that refuses non-public answers at the moment of connecting. */
export function guardedLookup(options: TargetCheckOptions): LookupFunction {
  const resolve = options.resolve ?? systemResolver;
  return (hostname, lookupOptions, callback) => {
    resolve(hostname)
      .then((addresses) => {
        const wanted =
          lookupOptions.family === 4 || lookupOptions.family === 6 ? lookupOptions.family : 0;
        const entries = addresses
          .map((address) => ({ address, family: isIP(address) }))
          .filter((entry) => entry.family !== 0 && (wanted === 0 || entry.family === wanted));
        if (entries.length === 0) {
          throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), {
            code: "ENOTFOUND",
          });
        }
        const blocked = options.allowPrivate
          ? undefined
          : entries.find((e) => !isPublicAddress(e.address));
        if (blocked) throw new SsrfBlockedError(hostname, blocked.address);
        if (lookupOptions.all) callback(null, entries);
        else callback(null, entries[0]!.address, entries[0]!.family);
      })
      .catch((error: NodeJS.ErrnoException) => callback(error, "", 0));
  };
}
