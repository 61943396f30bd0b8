import { describe, expect, it } from "vitest";
import { ingestRequest } from "@/lib/pipeline/ingest";
import { setupTestDatabase } from "@/test/database";
import { createTeam } from "@/test/fixtures";
import { listSources } from "./list-sources";
import { createSource } from "./source-mutations";

const t = setupTestDatabase();

describe("listSources", () => {
  it("counts each source's events of the last 24 h and its last one, within the team", async () => {
    const team = await createTeam(t.db);
    const other = await createTeam(t.db);
    const busy = await createSource(t.db, { teamId: team.id, input: { name: "busy" } });
    await createSource(t.db, { teamId: team.id, input: { name: "quiet" } });
    const theirs = await createSource(t.db, { teamId: other.id, input: { name: "theirs" } });
    for (const token of [busy.ingestToken, busy.ingestToken, theirs.ingestToken])
      await ingestRequest(t.db, { token, body: Buffer.from("{}"), headers: new Headers() });

    const rows = await listSources(t.db, { teamId: team.id });
    expect(rows.map((r) => [r.name, r.eventsLast24h])).toEqual([
      ["quiet", 0],
      ["busy", 2],
    ]);
    expect(rows[0]!.lastReceivedAt).toBeNull();
    expect(rows[1]!.lastReceivedAt).toBeInstanceOf(Date);
  });
});
