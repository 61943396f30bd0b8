import { sign as githubSign } from "@octokit/webhooks-methods";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { ingestRejections } from "@/db/schema";
import { HttpProblem } from "@/lib/http/problem";
import { ingestRequest } from "@/lib/pipeline/ingest";
import { setupTestDatabase } from "@/test/database";
import { createTeam } from "@/test/fixtures";
import { MAX_REJECTED_BODY_BYTES } from "./record-rejection";
import { createSource } from "./source-mutations";

const t = setupTestDatabase();
const SECRET = "github-secret-never-stored";

async function githubSource() {
  const team = await createTeam(t.db);
  const source = await createSource(t.db, {
    teamId: team.id,
    input: { name: "GitHub", verification: { kind: "github", secret: SECRET } },
  });
  return { team, source };
}

const rejectionsOf = (teamId: string) =>
  t.db.select().from(ingestRejections).where(eq(ingestRejections.teamId, teamId));

describe("a refused ingest request", () => {
  it("is kept with its reason and headers, without credentials or the source's secret", async () => {
    const { team, source } = await githubSource();
    const body = JSON.stringify({ zen: "Keep it logically awesome." });
    const error = await ingestRequest(t.db, {
      token: source.ingestToken,
      body: Buffer.from(body),
      headers: new Headers({
        "content-type": "application/json",
        "x-github-event": "ping",
        "x-hub-signature-256": await githubSign("the-wrong-secret", body),
        authorization: "Bearer caller-token",
        cookie: "session=caller",
        "proxy-authorization": "Basic abc",
      }),
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpProblem);
    expect((error as HttpProblem).status).toBe(401);

    const [row, ...others] = await rejectionsOf(team.id);
    expect(others).toHaveLength(0);
    expect(row!.sourceId).toBe(source.id);
    expect(row!.reason).toBe("Signature mismatch.");
    expect(row!.body.toString("utf8")).toBe(body);
    expect(row!.bodySize).toBe(Buffer.byteLength(body));
    expect(row!.headers["x-github-event"]).toBe("ping");
    expect(row!.headers).not.toHaveProperty("authorization");
    expect(row!.headers).not.toHaveProperty("cookie");
    expect(row!.headers).not.toHaveProperty("proxy-authorization");
    const stored = JSON.stringify(row);
    expect(stored).not.toContain(SECRET);
    expect(stored).not.toContain("caller-token");
  });

  it("keeps only the first 16 KiB of a large body and says how big it was", async () => {
    const { team, source } = await githubSource();
    const body = Buffer.alloc(100_000, "a");
    await ingestRequest(t.db, {
      token: source.ingestToken,
      body,
      headers: new Headers(),
    }).catch(() => undefined);
    const [row] = await rejectionsOf(team.id);
    expect(row!.reason).toBe("Missing X-Hub-Signature-256 header.");
    expect(row!.body.length).toBe(MAX_REJECTED_BODY_BYTES);
    expect(row!.bodySize).toBe(100_000);
  });

  it("is not written for an accepted request", async () => {
    const { team, source } = await githubSource();
    const body = "{}";
    await ingestRequest(t.db, {
      token: source.ingestToken,
      body: Buffer.from(body),
      headers: new Headers({ "x-hub-signature-256": await githubSign(SECRET, body) }),
    });
    expect(await rejectionsOf(team.id)).toHaveLength(0);
  });
});
