import ipaddr from "ipaddr.js";

/**
 * The request header that carries the socket's peer address. Next.js gives route handlers and
 * server actions no access to the socket, and the `X-Forwarded-For` it adds is kept as the
 * client sent it, so the web server stamps this header itself on every request it receives
 * (lib/http/request-hooks.ts), replacing any value a client sent.
 */
export const PEER_ADDRESS_HEADER = "x-hookyard-peer-address";

export type TrustedProxies = readonly [ipaddr.IPv4 | ipaddr.IPv6, number][];

/** Parses TRUSTED_PROXIES: comma-separated addresses or CIDRs. Throws naming a bad entry. */
export function parseTrustedProxies(value: string | undefined): TrustedProxies {
  if (!value?.trim()) return [];
  return value
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => {
      try {
        if (entry.includes("/")) return ipaddr.parseCIDR(entry);
        const address = ipaddr.parse(entry);
        return [address, address.kind() === "ipv4" ? 32 : 128] as [typeof address, number];
      } catch {
        throw new Error(`"${entry}" is not an IP address or CIDR range`);
      }
    });
}

/** An address in its plain form: IPv4-mapped IPv6 (::ffff:1.2.3.4) as the IPv4 it carries. */
export function normalizeAddress(address: string | null | undefined): string | null {
  const trimmed = address?.trim();
  if (!trimmed || !ipaddr.isValid(trimmed)) return null;
  return ipaddr.process(trimmed).toString();
}

/**
 * Whether the socket's peer is one of TRUSTED_PROXIES: the one decision behind believing any
 * `X-Forwarded-*` header (the client's address here, the public origin in public-url.ts).
 */
export function isTrustedPeer(peer: string | null | undefined, proxies: TrustedProxies): boolean {
  const socket = normalizeAddress(peer);
  return socket !== null && proxies.length > 0 && isTrusted(socket, proxies);
}

function isTrusted(address: string, proxies: TrustedProxies): boolean {
  const parsed = ipaddr.process(address);
  return proxies.some(([range, bits]) => {
    const candidate =
      range.kind() === parsed.kind()
        ? parsed
        : parsed.kind() === "ipv4"
          ? (parsed as ipaddr.IPv4).toIPv4MappedAddress()
          : null;
    return candidate !== null && candidate.match([range, bits] as never);
  });
}

/**
 * The client's address: the socket's peer, or, when that peer is one of TRUSTED_PROXIES, the
 * nearest address in `X-Forwarded-For` that is not itself a trusted proxy (read right to left,
 * since each proxy appends what it saw and only the right end is vouched for). A header from
 * any other peer is ignored: rotating or forging it earns nothing.
 */
export function clientAddress(
  peer: string | null | undefined,
  forwardedFor: string | null | undefined,
  proxies: TrustedProxies,
): string | null {
  const socket = normalizeAddress(peer);
  if (!socket || !isTrustedPeer(socket, proxies)) return socket;
  const hops = (forwardedFor ?? "").split(",").map(normalizeAddress);
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = hops[i];
    if (!hop) return socket; // a malformed hop: nothing left of it can be vouched for
    if (!isTrusted(hop, proxies)) return hop;
  }
  return socket;
}
