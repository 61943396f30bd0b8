import { sign as githubSign } from "@octokit/webhooks-methods";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { NotFoundError } from "@/lib/errors";
import { ingestRequest } from "@/lib/pipeline/ingest";
import { setupTestDatabase } from "@/test/database";
import { createParkedEndpoint, createTeam } from "@/test/fixtures";
import { createSource } from "./source-mutations";
import { inspectBody, listSourceRequests } from "./source-requests";

const t = setupTestDatabase();
const SECRET = "inspector-secret";

async function teamWithSource(name = "GitHub") {
  const team = await createTeam(t.db);
  const source = await createSource(t.db, {
    teamId: team.id,
    input: { name, verification: { kind: "github", secret: SECRET } },
  });
  return { team, source };
}

async function post(token: string, body: string, signedWith: string) {
  return ingestRequest(t.db, {
    token,
    body: Buffer.from(body),
    headers: new Headers({
      "content-type": "application/json",
      "x-github-event": "push",
      "x-hub-signature-256": await githubSign(signedWith, body),
    }),
  }).catch(() => null);
}

/** Spreads the rows of a team one second apart, in the order given, oldest first. */
async function backdate(teamId: string, ids: string[]) {
  for (const [i, id] of ids.entries()) {
    const at = sql`now() - ${ids.length - i} * interval '1 second'`;
    await t.db.execute(
      sql`update events set received_at = ${at} where team_id = ${teamId} and id = ${id}`,
    );
    await t.db.execute(
      sql`update ingest_rejections set received_at = ${at} where team_id = ${teamId} and id = ${id}`,
    );
  }
}

describe("listSourceRequests", () => {
  it("merges accepted and rejected requests newest first, with each event's deliveries", async () => {
    const { team, source } = await teamWithSource();
    const endpoint = await createParkedEndpoint(t.db, team.id, "/inspector");
    const first = await post(source.ingestToken, '{"n":1}', SECRET);
    await post(source.ingestToken, '{"n":2}', "wrong");
    const third = await post(source.ingestToken, "not json", SECRET);
    const [rejection] = (await t.db.execute<{ id: string }>(
      sql`select id from ingest_rejections where team_id = ${team.id}`,
    )) as unknown as { id: string }[];
    await backdate(team.id, [first!.eventId, rejection!.id, third!.eventId]);

    const requests = await listSourceRequests(t.db, { teamId: team.id, sourceId: source.id });
    expect(requests.map((r) => r.id)).toEqual([third!.eventId, rejection!.id, first!.eventId]);
    const [newest, refused, oldest] = requests;
    expect(newest).toMatchObject({ result: "accepted", method: "POST", eventType: "push" });
    expect(newest!.body).toMatchObject({ text: "not json", json: false });
    expect(refused).toMatchObject({ result: "rejected", reason: "Signature mismatch." });
    expect(refused!.headers["x-github-event"]).toBe("push");
    expect(refused!.headers["x-hub-signature-256"]).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(oldest!.headers["x-hub-signature-256"]).toMatch(/^sha256=[0-9a-f]{3}… \(redacted\)$/);
    expect(oldest!.body).toMatchObject({ text: '{\n  "n": 1\n}', json: true });
    expect(oldest).toMatchObject({
      result: "accepted",
      eventId: first!.eventId,
      deliveries: [
        {
          id: first!.deliveryIds[0],
          endpointId: endpoint.id,
          endpointUrl: "http://127.0.0.1:9/inspector",
          status: "pending",
        },
      ],
    });
  });

  it("shows only this source of this team, and refuses another team's source", async () => {
    const a = await teamWithSource("A");
    const other = await createSource(t.db, { teamId: a.team.id, input: { name: "A2" } });
    const b = await teamWithSource("B");
    await post(a.source.ingestToken, "{}", SECRET);
    await post(a.source.ingestToken, "{}", "wrong");
    await post(b.source.ingestToken, "{}", SECRET);
    await post(b.source.ingestToken, "{}", "wrong");
    await ingestRequest(t.db, {
      token: other.ingestToken,
      body: Buffer.from("{}"),
      headers: new Headers(),
    });

    const mine = await listSourceRequests(t.db, { teamId: a.team.id, sourceId: a.source.id });
    expect(mine.map((r) => r.result).sort()).toEqual(["accepted", "rejected"]);
    await expect(
      listSourceRequests(t.db, { teamId: a.team.id, sourceId: b.source.id }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });

  it("keeps the newest N of both kinds", async () => {
    const { team, source } = await teamWithSource();
    for (let i = 0; i < 3; i++) {
      await post(source.ingestToken, `{"i":${i}}`, SECRET);
      await post(source.ingestToken, `{"i":${i}}`, "wrong");
    }
    const requests = await listSourceRequests(t.db, {
      teamId: team.id,
      sourceId: source.id,
      limit: 4,
    });
    expect(requests).toHaveLength(4);
    const times = requests.map((r) => r.receivedAt);
    expect([...times].sort().reverse()).toEqual(times);
  });
});

describe("inspectBody", () => {
  it("shows binary bodies as base64 and says when a body was cut", () => {
    expect(inspectBody(Buffer.from([0, 1, 2, 255]))).toMatchObject({
      binary: true,
      text: "AAEC/w==",
    });
    const big = inspectBody(Buffer.alloc(20_000, "x"));
    expect(big).toMatchObject({ truncated: true, size: 20_000, json: false });
    expect(big.text).toHaveLength(16 * 1024);
  });
});
