import "server-only";
import { getEnv, type Env } from "@/lib/env";
import { isTrustedPeer, PEER_ADDRESS_HEADER } from "@/lib/net/client-address";

// A host as a Host or X-Forwarded-Host header carries it: a name or an IPv4 or [IPv6] address,
// with an optional port, and nothing that could turn it into a path, credentials or a second URL.
const HOST = /^(?:[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*\.?|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

/** The last entry of a comma-separated header: the one the nearest proxy wrote. */
function nearest(value: string | null): string | undefined {
  return value?.split(",").at(-1)?.trim() || undefined;
}

function origin(scheme: string, host: string | undefined): string | undefined {
  if (!host || !HOST.test(host)) return undefined;
  try {
    return new URL(`${scheme}://${host}`).origin;
  } catch {
    return undefined; // a port past 65535
  }
}

/**
 * The base URL public links (ingest URLs, invitations, the OpenAPI server) are built on, for the
 * API and the dashboard alike: HOOKYARD_PUBLIC_URL when set, else the origin the client asked
 * for. That is the Host header over plain HTTP (what `next start` serves), unless the socket's
 * peer is one of TRUSTED_PROXIES (the decision clientAddress makes): then the proxy's
 * X-Forwarded-Proto and X-Forwarded-Host say what the client used. Never Next's `request.url`,
 * which is the address the server listens on (`http://localhost:3000`), whatever the Host.
 */
export function publicBaseUrl(
  headers: Pick<Headers, "get">,
  env: Pick<Env, "HOOKYARD_PUBLIC_URL" | "TRUSTED_PROXIES"> = getEnv(),
): string {
  if (env.HOOKYARD_PUBLIC_URL) return env.HOOKYARD_PUBLIC_URL.replace(/\/+$/, "");
  const proxied = isTrustedPeer(headers.get(PEER_ADDRESS_HEADER), env.TRUSTED_PROXIES);
  const forwarded = (name: string) => (proxied ? nearest(headers.get(name)) : undefined);
  const proto = forwarded("x-forwarded-proto")?.toLowerCase();
  const scheme = proto === "https" || proto === "http" ? proto : "http";
  return (
    origin(scheme, forwarded("x-forwarded-host")) ??
    origin(scheme, headers.get("host") ?? undefined) ??
    `${scheme}://localhost`
  );
}
