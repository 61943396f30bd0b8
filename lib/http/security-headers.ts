/**
 * The headers every page is served with. The script policy is nonce-based ('strict-dynamic'
 * lets Next's own chunks load from the scripts it nonces); styles allow inline because charts
 * and Tailwind's runtime style attributes need them, and a style cannot run code.
 * `frameAncestors` is who may embed the page: nobody, unless a caller says otherwise.
 */
export function pageSecurityHeaders(options: {
  nonce: string;
  development: boolean;
  https: boolean;
  frameAncestors?: string[];
}): Record<string, string> {
  const ancestors = options.frameAncestors?.length ? options.frameAncestors.join(" ") : "'none'";
  const policy = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${options.nonce}' 'strict-dynamic'${options.development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob: https:",
    "font-src 'self' data:",
    `connect-src 'self'${options.development ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    `frame-ancestors ${ancestors}`,
  ].join("; ");
  return {
    "Content-Security-Policy": policy,
    ...(options.frameAncestors?.length ? {} : { "X-Frame-Options": "DENY" }),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=()",
    "Cross-Origin-Opener-Policy": "same-origin",
    // Browsers only honour HSTS received over https, so it is sent only then.
    ...(options.https
      ? { "Strict-Transport-Security": "max-age=31536000; includeSubDomains" }
      : {}),
  };
}
