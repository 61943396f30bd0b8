// Shared by the e2e server (serve.ts) and the specs, which run in different processes.
import { tmpdir } from "node:os";
import path from "node:path";

export const E2E_DATABASE = process.env.E2E_DATABASE ?? "hookyard_e2e";
export const E2E_CRON_SECRET = "e2e-cron-secret-0123456789";
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
/** Everything the e2e server prints, for specs that check its log (see serve.ts). */
export const E2E_SERVER_LOG = path.join(tmpdir(), `hookyard-e2e-server-${E2E_PORT}.log`);

/** The e2e server's database URL: on TEST_DATABASE_URL's server, else the embedded test server. */
export function e2eDatabaseUrl(adminUrl: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${E2E_DATABASE}`;
  return url.toString();
}

/** The embedded test server's admin URL (see test/postgres-server.ts), when no TEST_DATABASE_URL. */
export function e2eAdminUrl(): string {
  return (
    process.env.TEST_DATABASE_URL ??
    `postgres://postgres:hookyard@127.0.0.1:${process.env.TEST_EMBEDDED_POSTGRES_PORT ?? 54330}/postgres`
  );
}

// A real OpenID Connect provider (the oidc-provider package) runs inside oidc.spec.ts.
export const E2E_OIDC_PORT = 3199;
export const E2E_OIDC_CLIENT_ID = "hookyard-e2e";
export const E2E_OIDC_CLIENT_SECRET = "hookyard-e2e-oidc-secret";
