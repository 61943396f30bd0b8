import type { IncomingMessage, ServerResponse } from "node:http";
import { getEnv } from "@/lib/env";
import { clientAddress, PEER_ADDRESS_HEADER } from "@/lib/net/client-address";
import { problemBody } from "@/lib/http/problem";
import { knownRefusal } from "./throttle";

// Sign-in and sign-up posts from one address that are already refused (the throttle said so),
// or that arrive while more than a few of its others are still being answered, are answered
// 429 here, before Next's router, for microseconds each: a flood of them then costs the server
// next to nothing, and other requests are not queued behind it. What passes is still counted
// in the database by the throttle itself (lib/auth/throttle.ts).

const ACCOUNT_PATHS = new Set(["/api/account/sign-in", "/api/account/sign-up"]);
const MAX_OPEN_PER_ADDRESS = 8;
const open = new Map<string, number>();

function refuse(response: ServerResponse, retryAfterSeconds: number): true {
  response.writeHead(429, {
    "Content-Type": "application/problem+json",
    "Retry-After": String(retryAfterSeconds),
    "Cache-Control": "no-store",
  });
  response.end(
    JSON.stringify(
      problemBody(
        429,
        `Too many attempts from your address. Try again in ${retryAfterSeconds} seconds.`,
      ),
    ),
  );
  return true;
}

export function gateAccountFloods(request: IncomingMessage, response: ServerResponse): boolean {
  if (request.method !== "POST") return false;
  const path = request.url?.split("?")[0] ?? "";
  if (!ACCOUNT_PATHS.has(path)) return false;
  const forwarded = [request.headers["x-forwarded-for"]].flat().join(",");
  const address =
    clientAddress(
      [request.headers[PEER_ADDRESS_HEADER]].flat()[0],
      forwarded,
      getEnv().TRUSTED_PROXIES,
    ) ?? "unknown";
  const kind = path.endsWith("sign-in") ? `address:${address}` : `sign-up:${address}`;
  const known = knownRefusal([kind]);
  if (known) return refuse(response, known.retryAfterSeconds);
  const key = `${path}|${address}`;
  const count = open.get(key) ?? 0;
  if (count >= MAX_OPEN_PER_ADDRESS) return refuse(response, 5);
  open.set(key, count + 1);
  response.once("close", () => {
    const left = (open.get(key) ?? 1) - 1;
    if (left > 0) open.set(key, left);
    else open.delete(key);
  });
  return false;
}
