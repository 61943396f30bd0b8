import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { attempts } from "@/db/schema";
import { createEndpoint } from "@/lib/endpoints/create-endpoint";
import { publishEvent } from "@/lib/events/publish-event";
import { setupTestDatabase } from "@/test/database";
import { createTeam } from "@/test/fixtures";
import { startReceiver } from "@/test/receiver";
import { FORBIDDEN_TARGETS } from "@/test/ssrf-targets";
import { claimDueJobs } from "./claim";
import { deliverJobs } from "./send-attempt";
import { createDeliveryContext } from "./delivery-context";
import { SsrfBlockedError } from "@/lib/net/ssrf";

const t = setupTestDatabase();
const strict = { allowPrivate: false };

describe("SSRF guard in the pipeline", () => {
  const contexts: { agent: { close(): Promise<void> } }[] = [];
  afterAll(async () => Promise.all(contexts.map((c) => c.agent.close())));

  it.each(FORBIDDEN_TARGETS)("refuses to save an endpoint at %s", async (url) => {
    const team = await createTeam(t.db);
    await expect(
      createEndpoint(t.db, { teamId: team.id, input: { url }, targetCheck: strict }),
    ).rejects.toBeInstanceOf(SsrfBlockedError);
  });

  it("refuses to save a hostname that resolves to a private address", async () => {
    const team = await createTeam(t.db);
    const resolve = async () => ["10.20.30.40"];
    await expect(
      createEndpoint(t.db, {
        teamId: team.id,
        input: { url: "https://internal.example.com/" },
        targetCheck: { ...strict, resolve },
      }),
    ).rejects.toThrow("10.20.30.40");
  });

  it("refuses at send time when DNS changes its answer (rebinding), and records the attempt", async () => {
    const receiver = await startReceiver();
    try {
      const team = await createTeam(t.db);
      const url = `http://rebind.example.com:${receiver.port}/hook`;
      await createEndpoint(t.db, {
        teamId: team.id,
        input: { url },
        targetCheck: { ...strict, resolve: async () => ["93.184.215.14"] },
      });
      const { deliveryIds } = await publishEvent(t.db, {
        teamId: team.id,
        input: { type: "t", payload: {} },
      });
      const ctx = createDeliveryContext({
        db: t.db,
        ...strict,
        resolve: async () => ["127.0.0.1"],
      });
      contexts.push(ctx);
      await deliverJobs(ctx, await claimDueJobs(t.db, { limit: 10, leaseMs: 10_000 }));
      const [attempt] = await t.db
        .select()
        .from(attempts)
        .where(eq(attempts.deliveryId, deliveryIds[0]!));
      expect(attempt!.errorKind).toBe("ssrf_blocked");
      expect(attempt!.errorMessage).toContain("127.0.0.1");
      expect(receiver.requests).toHaveLength(0);
    } finally {
      await receiver.close();
    }
  });
});
