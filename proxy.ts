import { NextResponse, type NextRequest } from "next/server";
import { problemResponse } from "@/lib/http/problem";
import { pageSecurityHeaders } from "@/lib/http/security-headers";

/**
 * Runs before every page, and before API requests whose path holds a `%` (see `config`):
 * - a malformed `%` escape (`%FF`, `%E0%A4`) is answered 400 here, where Next's router would
 *   answer a plain-text 500 when it decodes the path;
 * - pages get a fresh script nonce and the security headers (lib/http/security-headers.ts).
 * API routes are left out otherwise: they answer JSON with their own headers, and the ingest
 * route's throughput should not pay for a proxy hop.
 */
export function proxy(request: NextRequest) {
  try {
    decodeURIComponent(request.nextUrl.pathname);
  } catch {
    return problemResponse(400, "The URL has a malformed %-escape. Encode the path as UTF-8.");
  }
  if (request.nextUrl.pathname.startsWith("/api/")) return NextResponse.next();

  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const headers = pageSecurityHeaders({
    nonce,
    development: process.env.NODE_ENV === "development",
    https:
      request.nextUrl.protocol === "https:" || request.headers.get("x-forwarded-proto") === "https",
  });
  // Next reads the nonce for its own scripts from the request's policy header.
  const forwarded = new Headers(request.headers);
  forwarded.set("x-nonce", nonce);
  forwarded.set("Content-Security-Policy", headers["Content-Security-Policy"]!);
  const response = NextResponse.next({ request: { headers: forwarded } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

export const config = {
  matcher: [
    // Pages and everything else but build assets and the API...
    "/((?!_next/static|_next/image|api/).*)",
    // ...and API paths with a %, which may be malformed.
    "/api/(.*%.*)",
  ],
};
