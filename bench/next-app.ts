import { startNode, waitForHttp, type Managed } from "./processes";

const NEXT_BIN = "node_modules/next/dist/bin/next";

/** `next start` of the current build on 127.0.0.1, ready once /api/health answers. */
export async function startNextApp(
  port: number,
  env: Record<string, string>,
): Promise<Managed & { url: string }> {
  const app = startNode(
    [NEXT_BIN, "start", "-p", String(port), "-H", "127.0.0.1"],
    {
      NODE_ENV: "production",
      HOOKYARD_ALLOW_PRIVATE_TARGETS: "true",
      ...env,
    },
    { quiet: true },
  );
  const url = `http://127.0.0.1:${port}`;
  await waitForHttp(`${url}/api/health`);
  return { ...app, url };
}
