import "server-only";
import { getEnv } from "@/lib/env";
import { assertPublicTarget, type Resolver } from "@/lib/pipeline/ssrf";

/** The save-time SSRF check with the deployment's setting; tests may inject a resolver. */
export function checkEndpointUrl(url: string, resolve?: Resolver): Promise<URL> {
  return assertPublicTarget(url, {
    allowPrivate: getEnv().HOOKYARD_ALLOW_PRIVATE_TARGETS,
    resolve,
  });
}
