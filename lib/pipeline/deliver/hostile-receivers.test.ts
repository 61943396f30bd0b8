import { spawn } from "node:child_process";
import { once } from "node:events";
import { connect, createServer, type Server, type Socket } from "node:net";
import { createInterface } from "node:readline";
import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { attempts, deliveries } from "@/db/schema";
import { createEndpoint } from "@/lib/endpoints/create-endpoint";
import { publishEvent } from "@/lib/events/publish-event";
import { setupTestDatabase } from "@/test/database";
import { createTeam } from "@/test/fixtures";
import { startReceiver } from "@/test/receiver";
import { createDeliveryContext } from "./delivery-context";
import { startWorker } from "@/lib/pipeline/drivers";

const t = setupTestDatabase();
const closers: (() => Promise<unknown> | void)[] = [];
afterAll(async () => {
  for (const close of closers.reverse()) await close();
});

async function listening(server: Server): Promise<number> {
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  closers.push(() => new Promise((resolve) => server.close(resolve)));
  return (server.address() as { port: number }).port;
}

/** A port whose accept queue is full: a listener that never accepts, its backlog filled. */
async function fullBacklog(): Promise<number> {
  const python = spawn("python3", [
    "-c",
    "import socket,sys,time\n" +
      "s=socket.socket(); s.bind(('127.0.0.1',0)); s.listen(0)\n" +
      "print(s.getsockname()[1]); sys.stdout.flush(); time.sleep(3600)",
  ]);
  closers.push(() => void python.kill());
  const [line] = (await once(createInterface({ input: python.stdout }), "line")) as [string];
  const port = Number(line);
  // Fill the queue: connections the listener never accepts.
  const fillers: Socket[] = [];
  for (let i = 0; i < 4; i++) fillers.push(connect(port, "127.0.0.1").on("error", () => {}));
  closers.push(() => fillers.forEach((socket) => socket.destroy()));
  return port;
}

/** A port that resets every connection as soon as it is made. */
async function resetting(): Promise<number> {
  return listening(createServer((socket) => socket.resetAndDestroy()));
}

/** A port that answers 200 and its headers at once, then trickles the body a byte at a time. */
async function trickling(): Promise<number> {
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.once("data", () => {
      socket.write(
        "HTTP/1.1 200 OK\r\ncontent-type: text/plain\r\ntransfer-encoding: chunked\r\n\r\n",
      );
      const timer = setInterval(() => socket.write("1\r\nx\r\n"), 100);
      socket.on("close", () => clearInterval(timer));
      socket.on("error", () => clearInterval(timer));
    });
  });
  closers.push(() => sockets.forEach((socket) => socket.destroy()));
  return listening(server);
}

describe("hostile receivers", () => {
  it("a full accept backlog, resets and a body that never ends hold no slot past the timeout, and others keep being delivered", async () => {
    const healthy = await startReceiver();
    closers.push(healthy.close);
    const hostile = {
      backlog: await fullBacklog(),
      reset: await resetting(),
      trickle: await trickling(),
    };
    const team = await createTeam(t.db);
    const timeoutMs = 2_000;
    for (const [name, port] of Object.entries(hostile))
      for (let i = 0; i < 3; i++)
        await createEndpoint(t.db, {
          teamId: team.id,
          input: { url: `http://127.0.0.1:${port}/${name}/${i}`, timeoutMs },
        });
    const other = await createTeam(t.db);
    await createEndpoint(t.db, { teamId: other.id, input: { url: `${healthy.url}/ok` } });

    const ctx = createDeliveryContext({ db: t.db, schedule: [60_000], concurrency: 8 });
    closers.push(() => ctx.agent.close());
    const worker = startWorker(ctx, { concurrency: 8, idleMs: 50 });
    closers.push(() => worker.stop());

    for (let n = 0; n < 30; n++) {
      await publishEvent(t.db, { teamId: team.id, input: { type: "hostile", payload: { n } } });
      await publishEvent(t.db, { teamId: other.id, input: { type: "fine", payload: { n } } });
    }

    // The healthy receiver gets all 30 while the hostile ones are being tried.
    await expect.poll(() => healthy.requests.length, { timeout: 15_000 }).toBe(30);
    // The record follows the answer (group commit): the last ones may still be committing.
    await expect
      .poll(async () => {
        const rows = await t.db
          .select({ status: deliveries.status })
          .from(deliveries)
          .where(eq(deliveries.teamId, other.id));
        return rows.filter((d) => d.status === "succeeded").length;
      })
      .toBe(30);

    // Each kind of hostile receiver has had attempts recorded, none held past the timeout.
    await expect
      .poll(
        async () => {
          const rows = await t.db.select().from(attempts).where(eq(attempts.teamId, team.id));
          return Object.keys(hostile).filter((name) =>
            rows.some((row) => row.requestUrl.includes(`/${name}/`)),
          ).length;
        },
        { timeout: 20_000 },
      )
      .toBe(3);
    await worker.stop();
    const recorded = await t.db.select().from(attempts).where(eq(attempts.teamId, team.id));
    for (const attempt of recorded) {
      expect(attempt.durationMs, attempt.requestUrl).toBeLessThanOrEqual(timeoutMs + 1_000);
      expect(attempt.responseStatus ?? 0, attempt.requestUrl).not.toBe(200);
    }
    const kinds = (name: string) =>
      new Set(recorded.filter((a) => a.requestUrl.includes(`/${name}/`)).map((a) => a.errorKind));
    expect(kinds("backlog")).toEqual(new Set(["timeout"]));
    expect(kinds("reset")).toEqual(new Set(["connection"]));
    expect(kinds("trickle")).toEqual(new Set(["timeout"]));
    expect(ctx.slots.inFlight).toBe(0);
  }, 90_000);
});
