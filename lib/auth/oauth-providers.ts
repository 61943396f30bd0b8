import "server-only";
import type { Provider } from "next-auth/providers/index";
import GitHubProvider from "next-auth/providers/github";
import type { Env } from "@/lib/env";

type OidcProfile = {
  sub: string;
  email?: string;
  name?: string;
  preferred_username?: string;
  picture?: string;
};

/** The OAuth/OIDC providers whose settings are present; none means email + password only. */
export function oauthProviders(env: Env): Provider[] {
  const providers: Provider[] = [];
  if (env.GITHUB_ID && env.GITHUB_SECRET) {
    providers.push(GitHubProvider({ clientId: env.GITHUB_ID, clientSecret: env.GITHUB_SECRET }));
  }
  if (env.OIDC_ISSUER && env.OIDC_CLIENT_ID && env.OIDC_CLIENT_SECRET) {
    providers.push({
      id: "oidc",
      name: env.OIDC_NAME,
      type: "oauth",
      wellKnown: `${env.OIDC_ISSUER.replace(/\/$/, "")}/.well-known/openid-configuration`,
      clientId: env.OIDC_CLIENT_ID,
      clientSecret: env.OIDC_CLIENT_SECRET,
      authorization: { params: { scope: "openid email profile" } },
      // The profile comes from the ID token (next-auth v4 cannot mix it with userinfo), so the
      // provider must put `email` in it, as Google, Keycloak, Okta and Entra ID do.
      idToken: true,
      checks: ["pkce", "state"],
      profile(profile: OidcProfile) {
        return {
          id: profile.sub,
          email: profile.email,
          name: profile.name ?? profile.preferred_username ?? null,
          image: profile.picture ?? null,
        };
      },
    });
  }
  return providers;
}

/** What the sign-in page offers, without secrets. */
export function oauthProviderButtons(env: Env): { id: string; name: string }[] {
  return oauthProviders(env).map((p) => ({ id: p.id, name: p.name }));
}
