import { Validator } from "@seriousme/openapi-schema-validator";
import { expect, test, type APIResponse } from "@playwright/test";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { bootstrapKey, client } from "./api-client";

// Every operation the OpenAPI document lists is called for real, and its answer must match the
// document's schema. A documented operation this test does not call fails it, so the document,
// the handlers and this test cannot drift apart.

type Operation = { responses: Record<string, { content?: Record<string, { schema: object }> }> };
type Document = {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: object };
};

test("every documented /api/v1 operation answers what the OpenAPI document says", async ({
  request,
}) => {
  const response = await request.get("/api/v1/openapi.json");
  expect(response.status()).toBe(200);
  const document = (await response.json()) as Document;
  const validation = await new Validator().validate(document as never);
  expect(validation.errors ?? []).toEqual([]);

  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema({ $id: "https://hookyard.test/openapi.json", components: document.components });

  const covered = new Set<string>();
  async function check(method: string, template: string, call: Promise<APIResponse>) {
    const answer = await call;
    const operation = document.paths[template]?.[method];
    expect(operation, `${method.toUpperCase()} ${template} is documented`).toBeDefined();
    const documented = operation!.responses[String(answer.status())];
    expect(
      documented,
      `${method.toUpperCase()} ${template} answered ${answer.status()}: ${await answer.text()}`,
    ).toBeDefined();
    const schema = documented!.content?.["application/json"]?.schema as
      { $ref?: string } | undefined;
    if (schema?.$ref) {
      const validate = ajv.getSchema(`https://hookyard.test/openapi.json${schema.$ref}`)!;
      const body = await answer.json();
      expect(
        validate(body),
        `${method.toUpperCase()} ${template}: ${ajv.errorsText(validate.errors)}`,
      ).toBe(true);
    }
    covered.add(`${method} ${template}`);
    return answer;
  }

  const api = client(request, await bootstrapKey());
  const endpoint = await (
    await check(
      "post",
      "/endpoints",
      api.post("/endpoints", { url: "http://127.0.0.1:9/contract" }),
    )
  ).json();
  await check("get", "/endpoints", api.get("/endpoints?limit=5"));
  await check("get", "/endpoints/{id}", api.get(`/endpoints/${endpoint.id}`));
  await check(
    "patch",
    "/endpoints/{id}",
    // Ordered, and retried an hour after a failure: its failing key stays stuck for the test.
    api.patch(`/endpoints/${endpoint.id}`, {
      description: "contract",
      ordering: "key",
      retrySchedule: "1h",
    }),
  );
  await check(
    "post",
    "/endpoints/{id}/rotate-secret",
    api.post(`/endpoints/${endpoint.id}/rotate-secret`),
  );
  await check(
    "post",
    "/endpoints/{id}/recover",
    api.post(`/endpoints/${endpoint.id}/recover`, {
      since: new Date(0).toISOString(),
      dryRun: true,
    }),
  );

  const source = await (
    await check(
      "post",
      "/sources",
      api.post("/sources", {
        name: "Contract",
        verification: { kind: "github", secret: "contract-secret" },
      }),
    )
  ).json();
  await check("get", "/sources", api.get("/sources"));
  await check("get", "/sources/{id}", api.get(`/sources/${source.id}`));
  await check("patch", "/sources/{id}", api.patch(`/sources/${source.id}`, { paused: true }));

  const event = await (
    await check(
      "post",
      "/events",
      api.post("/events", { type: "contract.test", payload: { ok: true } }),
    )
  ).json();
  await check("get", "/events", api.get("/events?type=contract.test"));
  await check("get", "/events/{id}", api.get(`/events/${event.id}`));
  await expect
    .poll(
      async () => (await (await api.get(`/deliveries/${event.deliveries[0]}`)).json()).attemptCount,
    )
    .toBeGreaterThan(0);
  await check("get", "/deliveries", api.get(`/deliveries?endpointId=${endpoint.id}`));
  await check("get", "/deliveries/{id}", api.get(`/deliveries/${event.deliveries[0]}`));
  await check(
    "post",
    "/deliveries/{id}/resend",
    api.post(`/deliveries/${event.deliveries[0]}/resend`),
  );
  await api.post("/events", { type: "contract.test", payload: {}, orderingKey: "cus 1/a" });
  await expect
    .poll(async () => (await (await api.get(`/endpoints/${endpoint.id}/stuck`)).json()).data)
    .toHaveLength(1);
  await check("get", "/endpoints/{id}/stuck", api.get(`/endpoints/${endpoint.id}/stuck`));
  await check(
    "post",
    "/endpoints/{id}/stuck/{orderingKey}/skip",
    api.post(`/endpoints/${endpoint.id}/stuck/${encodeURIComponent("cus 1/a")}/skip`),
  );
  const from = new Date(Date.now() - 86_400_000).toISOString();
  await check(
    "get",
    "/stats",
    api.get(`/stats?from=${from}&to=${new Date(Date.now() + 3_600_000).toISOString()}`),
  );

  await check("delete", "/sources/{id}", api.delete(`/sources/${source.id}`));
  await check("delete", "/endpoints/{id}", api.delete(`/endpoints/${endpoint.id}`));
  await check("get", "/endpoints/{id}", api.get(`/endpoints/${endpoint.id}`));

  const documented = Object.entries(document.paths).flatMap(([path, ops]) =>
    Object.keys(ops).map((m) => `${m} ${path}`),
  );
  expect([...covered].sort()).toEqual(documented.sort());
});
