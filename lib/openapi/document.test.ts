import { Validator } from "@seriousme/openapi-schema-validator";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { buildOpenApiDocument } from "./document";

describe("OpenAPI document", () => {
  it("is valid OpenAPI 3.1 by a third-party validator, with every $ref resolvable", async () => {
    const document = buildOpenApiDocument("https://hooks.example.com");
    const result = await new Validator().validate(document as never);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);

    const refs = [
      ...JSON.stringify(document).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g),
    ].map((m) => m[1]!);
    for (const ref of new Set(refs)) expect(document.components.schemas).toHaveProperty(ref);
    expect(document.paths["/endpoints"]).toHaveProperty("post");
    expect(document.components.schemas).toHaveProperty("EndpointWithSecret");
  });

  it("ignores copies of its schemas that other server bundles registered under the same ids", () => {
    const before = buildOpenApiDocument("https://hooks.example.com");
    // What a dashboard page bundle importing lib/events/event-response does in the same process.
    z.object({ id: z.string() }).meta({ id: "Event" });
    z.object({ other: z.number() }).meta({ id: "Delivery" });
    const after = buildOpenApiDocument("https://hooks.example.com");
    expect(after).toEqual(before);
  });

  it("its schemas accept a real answer and reject a wrong one (the contract test's mechanism)", () => {
    const document = buildOpenApiDocument("https://hooks.example.com");
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats(ajv);
    ajv.addSchema({ $id: "https://hookyard.test/openapi.json", components: document.components });
    const validate = ajv.getSchema(
      "https://hookyard.test/openapi.json#/components/schemas/Endpoint",
    )!;
    const endpoint = {
      id: "ep_1",
      url: "https://example.com",
      description: "",
      eventTypes: [],
      sourceIds: [],
      headers: {},
      enabled: true,
      state: "enabled",
      stateReason: null,
      timeoutMs: 15000,
      rateLimitPerSecond: null,
      maxInFlight: null,
      retrySchedule: null,
      ordering: "none",
      failingSince: null,
      createdAt: "2026-01-01T00:00:00.000Z",
      updatedAt: "2026-01-01T00:00:00.000Z",
    };
    expect(validate(endpoint)).toBe(true);
    expect(validate({ ...endpoint, secret: "whsec_leak" })).toBe(false);
    expect(validate({ ...endpoint, state: "broken" })).toBe(false);
    expect(validate({ ...endpoint, createdAt: "yesterday" })).toBe(false);
  });

  it("documents every figure of a stats bucket, the dashboard's retry figures included", () => {
    const stats = buildOpenApiDocument("https://hooks.example.com").components.schemas.Stats as {
      properties: { series: { items: { properties: Record<string, { description?: string }> } } };
    };
    const point = stats.properties.series.items.properties;
    expect(Object.keys(point)).toEqual([
      "t",
      "succeeded",
      "failed",
      "successRate",
      "p50Ms",
      "p95Ms",
      "eventualSuccessMs",
      "retryDepth",
    ]);
    expect(point.eventualSuccessMs!.description).toMatch(/arrival to success/);
    expect(point.retryDepth!.description).toMatch(/by the attempt that succeeded/);
  });
});
