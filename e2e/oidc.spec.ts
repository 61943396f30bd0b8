import type { Server } from "node:http";
import { expect, test } from "@playwright/test";
import Provider from "oidc-provider";
import { E2E_OIDC_CLIENT_ID, E2E_OIDC_CLIENT_SECRET, E2E_OIDC_PORT, E2E_PORT } from "./environment";

// Sign-in through a real OpenID Connect provider running on loopback: next-auth discovers it,
// runs the code flow with PKCE, and lands the new user in Hookyard with a database session.

let server: Server;

test.beforeAll(async () => {
  const provider = new Provider(`http://127.0.0.1:${E2E_OIDC_PORT}`, {
    clients: [
      {
        client_id: E2E_OIDC_CLIENT_ID,
        client_secret: E2E_OIDC_CLIENT_SECRET,
        redirect_uris: [`http://127.0.0.1:${E2E_PORT}/api/auth/callback/oidc`],
        grant_types: ["authorization_code"],
        response_types: ["code"],
      },
    ],
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
    // Put the scope's claims in the ID token, as Google, Keycloak and Entra ID do.
    conformIdTokenClaims: false,
    async findAccount(_ctx: unknown, sub: string) {
      return {
        accountId: sub,
        async claims() {
          return { sub, email: `${sub}@sso.example.com`, email_verified: true, name: "SSO User" };
        },
      };
    },
  });
  await new Promise<void>((resolve) => {
    server = provider.listen(E2E_OIDC_PORT, "127.0.0.1", () => resolve()) as Server;
  });
});

test.afterAll(() => {
  server?.close();
});

test("a user signs in with the configured OIDC provider and lands in Hookyard", async ({
  page,
}) => {
  const login = `sso-${Date.now()}`;
  await page.goto("/sign-in");
  await page.getByRole("button", { name: "Continue with Test SSO" }).click();
  await page.waitForURL(new RegExp(`127\\.0\\.0\\.1:${E2E_OIDC_PORT}/`));
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill("any password");
  await page.locator('button[type="submit"]').click();
  await page.locator('button[type="submit"]').click(); // the provider's consent screen
  await expect(page).toHaveURL(/\/teams\/new$/);
  await page.getByLabel("Team name").fill("SSO Team");
  await page.getByRole("button", { name: "Create team" }).click();
  await expect(page.getByText(`${login}@sso.example.com`)).toBeVisible();
});
