import { spawn } from "node:child_process";
import { once } from "node:events";
import { createInterface } from "node:readline";

/** Starts e2e/receiver-process.mjs as a separate process and returns a handle to steer it. */
export async function startReceiverProcess() {
  const child = spawn(process.execPath, ["e2e/receiver-process.mjs"], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const [url] = (await once(createInterface({ input: child.stdout! }), "line")) as [string];
  const control = async (mode: "ok" | "fail") => {
    const answer = await fetch(`${url}/__control`, {
      method: "POST",
      body: JSON.stringify({ mode }),
    });
    if (!answer.ok) throw new Error(`The receiver refused mode ${mode}`);
  };
  return {
    url: `${url}/hooks`,
    succeed: () => control("ok"),
    fail: () => control("fail"),
    received: async () =>
      (await (await fetch(`${url}/__received`)).json()) as { body: string; at: number }[],
    stop: async () => {
      child.kill("SIGTERM");
      if (child.exitCode === null) await once(child, "exit");
    },
  };
}
