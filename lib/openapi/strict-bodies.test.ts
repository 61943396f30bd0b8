import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { endpoints, events, sources } from "@/db/schema";
import { recoverFailedDeliveries } from "@/lib/deliveries/recover-deliveries";
import { createEndpoint } from "@/lib/endpoints/create-endpoint";
import { updateEndpoint } from "@/lib/endpoints/update-endpoint";
import { publishEvent } from "@/lib/events/publish-event";
import { problemFor } from "@/lib/http/problem";
import { createSource, updateSource } from "@/lib/sources/source-mutations";
import { setupTestDatabase } from "@/test/database";
import { createParkedEndpoint, createTeam } from "@/test/fixtures";
import { apiOperations } from "./api-operations";

const t = setupTestDatabase();

type JsonSchema = { [key: string]: unknown };

/** Every object schema with named fields inside a JSON Schema, with where it is. */
function objectsWithFields(schema: unknown, at = "$"): { at: string; schema: JsonSchema }[] {
  if (!schema || typeof schema !== "object") return [];
  const node = schema as JsonSchema;
  const own = node.properties ? [{ at, schema: node }] : [];
  return [
    ...own,
    ...Object.entries(node).flatMap(([key, inner]) => objectsWithFields(inner, `${at}.${key}`)),
  ];
}

/** The problem a call's error answers with (it must fail). */
async function problemOf(call: Promise<unknown>) {
  const error = await call.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error, "the call should have been refused").toBeDefined();
  return problemFor(error);
}

function expectUnknownField(problem: ReturnType<typeof problemFor>, path: string) {
  expect(problem.status).toBe(422);
  expect(problem.detail).toContain(path);
  expect(problem.errors).toContainEqual({ path, message: expect.stringMatching(/unknown field/) });
}

describe("v1 request bodies", () => {
  it("refuse fields they do not define, at every level with named fields (maps stay open)", () => {
    const bodies = apiOperations.flatMap((op) => (op.body ? [op] : []));
    expect(bodies.length).toBeGreaterThanOrEqual(6);
    for (const op of bodies) {
      const json = z.toJSONSchema(op.body!.schema, { io: "input", unrepresentable: "any" });
      const objects = objectsWithFields(json);
      expect(objects.length, `${op.method} ${op.path}`).toBeGreaterThan(0);
      for (const { at, schema } of objects)
        expect(schema.additionalProperties, `${op.method} ${op.path} ${at}`).toBe(false);
    }
  });

  it("answer 422 naming transformation, allowedIps and application, and store nothing", async () => {
    const team = await createTeam(t.db);
    const teamId = team.id;
    const url = "http://127.0.0.1:9/hook";

    expectUnknownField(
      await problemOf(
        createEndpoint(t.db, {
          teamId,
          input: { url, transformation: { code: "function handler(w) { return w }" } },
        }),
      ),
      "transformation",
    );
    expectUnknownField(
      await problemOf(createSource(t.db, { teamId, input: { name: "S", allowedIps: ["::1"] } })),
      "allowedIps",
    );
    expectUnknownField(
      await problemOf(
        createSource(t.db, {
          teamId,
          input: { name: "S", verification: { kind: "none", tolerance: 300 } },
        }),
      ),
      "verification.tolerance",
    );
    expectUnknownField(
      await problemOf(
        publishEvent(t.db, { teamId, input: { type: "a", payload: {}, application: "cus_1" } }),
      ),
      "application",
    );
    expect(await t.db.select().from(endpoints).where(eq(endpoints.teamId, teamId))).toEqual([]);
    expect(await t.db.select().from(sources).where(eq(sources.teamId, teamId))).toEqual([]);
    expect(await t.db.select().from(events).where(eq(events.teamId, teamId))).toEqual([]);

    const endpoint = await createParkedEndpoint(t.db, teamId);
    const source = await createSource(t.db, { teamId, input: { name: "Kept" } });
    const [endpointBefore] = await t.db
      .select()
      .from(endpoints)
      .where(eq(endpoints.id, endpoint.id));
    expectUnknownField(
      await problemOf(
        updateEndpoint(t.db, {
          teamId,
          endpointId: endpoint.id,
          input: { description: "changed", transformation: null },
        }),
      ),
      "transformation",
    );
    expectUnknownField(
      await problemOf(
        updateSource(t.db, {
          teamId,
          sourceId: source.id,
          input: { name: "Renamed", allowedIps: [] },
        }),
      ),
      "allowedIps",
    );
    expectUnknownField(
      await problemOf(
        recoverFailedDeliveries(t.db, {
          teamId,
          endpointId: endpoint.id,
          input: { since: "2026-01-01T00:00:00Z", orderingKey: "k" },
        }),
      ),
      "orderingKey",
    );
    expect(await t.db.select().from(endpoints).where(eq(endpoints.id, endpoint.id))).toEqual([
      endpointBefore,
    ]);
    expect((await t.db.select().from(sources).where(eq(sources.id, source.id)))[0]!.name).toBe(
      "Kept",
    );

    // Several unknown fields are all named; maps and payloads keep taking any key.
    const several = await problemOf(
      createEndpoint(t.db, { teamId, input: { url, allowedIps: [], orderingKey: "k" } }),
    );
    expect(several.errors).toEqual([
      { path: "allowedIps", message: expect.any(String) },
      { path: "orderingKey", message: expect.any(String) },
    ]);
    await createEndpoint(t.db, {
      teamId,
      input: { url, headers: { "X-Tenant": "a", "X-Transformation": "b" } },
    });
    await publishEvent(t.db, { teamId, input: { type: "a", payload: { orderingKey: "free" } } });
  });
});
