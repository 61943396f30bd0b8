import { startNode, waitForHttp, type Managed } from "./processes";

export type ReceiverStats = {
  count: number;
  firstAt: number | null;
  lastAt: number | null;
  latencies: number[];
};

/** bench/baselines/receiver.mjs on a port of its own, with a handle to read and reset it. */
export async function startBenchReceiver(port: number) {
  const process_: Managed = startNode(
    ["bench/baselines/receiver.mjs"],
    { PORT: String(port) },
    {
      quiet: true,
    },
  );
  const url = `http://127.0.0.1:${port}`;
  await waitForHttp(`${url}/__stats`);
  return {
    url: `${url}/hook`,
    stats: async () => (await (await fetch(`${url}/__stats`)).json()) as ReceiverStats,
    reset: async () => void (await fetch(`${url}/__reset`)),
    stop: () => process_.stop(),
  };
}

/** Requests per second between the first and the last arrival. */
export function arrivalRate(stats: ReceiverStats): number | null {
  if (!stats.firstAt || !stats.lastAt || stats.lastAt === stats.firstAt) return null;
  return Math.round(((stats.count - 1) * 1000) / (stats.lastAt - stats.firstAt));
}
