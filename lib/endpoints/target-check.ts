import "server-only";
import { getEnv } from "@/lib/env";
import { assertPublicTarget, type TargetCheckOptions } from "@/lib/net/ssrf";

export type TargetCheckOverrides = Partial<TargetCheckOptions>;

/** The save-time SSRF check with the deployment's setting; tests may inject a resolver. */
export function checkEndpointUrl(url: string, overrides: TargetCheckOverrides = {}): Promise<URL> {
  return assertPublicTarget(url, {
    allowPrivate: overrides.allowPrivate ?? getEnv().HOOKYARD_ALLOW_PRIVATE_TARGETS,
    resolve: overrides.resolve,
  });
}
