import { afterAll, beforeAll } from "vitest";
import { createDeliveryContext, type DeliveryContext } from "@/lib/pipeline/deliver";
import type { TestDatabase } from "./database";
import { startReceiver, type Respond } from "./receiver";

export type DeliveryHarness = {
  ctx: DeliveryContext;
  receiver: Awaited<ReturnType<typeof startReceiver>>;
};

/**
 * A delivery context on the file's database and one receiver, registered with
 * beforeAll/afterAll like setupTestDatabase; read its fields inside tests.
 */
export function setupDeliveryHarness(
  t: TestDatabase,
  options: { schedule?: number[]; respond?: Respond } = {},
): DeliveryHarness {
  const holder = {} as DeliveryHarness;
  beforeAll(async () => {
    holder.ctx = createDeliveryContext({ db: t.db, schedule: options.schedule ?? [] });
    holder.receiver = await startReceiver(options.respond);
  });
  afterAll(async () => {
    await holder.receiver?.close();
    await holder.ctx?.agent.close();
  });
  return holder;
}
