import "server-only";
import { z } from "zod";
import { apiOperations } from "./api-operations";
import { problemSchema } from "@/lib/http/api-schemas";

type JsonSchema = Record<string, unknown>;

const componentRef = (id: string) => ({ $ref: `#/components/schemas/${id}` });

function clean(schema: JsonSchema): JsonSchema {
  const { $schema: _schema, $id: _id, ...rest } = schema;
  return rest;
}

function idOf(schema: z.ZodType): string | undefined {
  return (z.globalRegistry.get(schema) as { id?: string } | undefined)?.id;
}

function queryParameters(query: z.ZodType) {
  const json = z.toJSONSchema(query, { io: "input", unrepresentable: "any" }) as {
    properties?: Record<string, JsonSchema>;
    required?: string[];
  };
  return Object.entries(json.properties ?? {}).map(([name, schema]) => ({
    name,
    in: "query",
    required: json.required?.includes(name) ?? false,
    schema,
  }));
}

/** Every schema inside a schema (object fields, array items, wrapped types…), itself included. */
function reachableSchemas(value: unknown, found: Set<z.ZodType>, seen = new WeakSet<object>()) {
  if (!value || typeof value !== "object" || seen.has(value)) return;
  seen.add(value);
  if (value instanceof z.ZodType) {
    found.add(value);
    reachableSchemas(value._zod.def, found, seen);
    return;
  }
  for (const inner of Object.values(value)) reachableSchemas(inner, found, seen);
}

/**
 * The schemas the document describes, with their ids. Only those the operations reach: the
 * global registry also holds copies of the same schemas from other bundles of the server (a page
 * importing a response shape gets its own instance), and converting it whole would see their ids
 * twice.
 */
function documentRegistry() {
  const registry = z.registry<{ id: string }>();
  const schemas = new Set<z.ZodType>();
  reachableSchemas(problemSchema, schemas);
  for (const op of apiOperations) {
    reachableSchemas(op.success.schema, schemas);
    if (op.body) {
      reachableSchemas(op.body.schema, schemas);
      registry.add(op.body.schema, { id: op.body.id });
    }
  }
  for (const schema of schemas) {
    const id = idOf(schema);
    if (id && !registry.has(schema)) registry.add(schema, { id });
  }
  return registry;
}

/** The OpenAPI 3.1 document of /api/v1, generated from the zod schemas the handlers use. */
export function buildOpenApiDocument(serverUrl: string) {
  // Request bodies get ids of their own; then the registry is converted in one pass so every
  // shape with an id becomes a component, referenced by $ref wherever it is used.
  const registry = documentRegistry();
  // Request bodies are documented as what clients may send (input: defaults optional, unknown
  // fields refused), answers as what the server sends (output: exact keys).
  const convert = (io: "input" | "output") =>
    (
      z.toJSONSchema(registry, {
        uri: (id) => `#/components/schemas/${id}`,
        io,
        unrepresentable: "any",
      }) as {
        schemas: Record<string, JsonSchema>;
      }
    ).schemas;
  const inputs = convert("input");
  const bodyIds = new Set(apiOperations.flatMap((op) => (op.body ? [op.body.id] : [])));
  const schemas = Object.fromEntries(
    Object.entries(convert("output")).map(([id, schema]) => [
      id,
      clean(bodyIds.has(id) ? inputs[id]! : schema),
    ]),
  );

  const problem = (description: string) => ({
    description,
    content: { "application/problem+json": { schema: componentRef(idOf(problemSchema)!) } },
  });
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of apiOperations) {
    const pathParams = [...op.path.matchAll(/\{(\w+)\}/g)].map((m) => ({
      name: m[1],
      in: "path",
      required: true,
      schema: { type: "string" },
    }));
    const successId = op.success.schema ? idOf(op.success.schema) : undefined;
    paths[op.path] ??= {};
    paths[op.path]![op.method] = {
      operationId: `${op.method}${op.path.replace(/\{(\w+)\}/g, "By_$1").replace(/[^A-Za-z0-9]+(\w)/g, (_m, c: string) => c.toUpperCase())}`,
      summary: op.summary,
      tags: [op.tag],
      parameters: [...pathParams, ...(op.query ? queryParameters(op.query) : [])],
      ...(op.body
        ? {
            requestBody: {
              required: true,
              content: { "application/json": { schema: componentRef(op.body.id) } },
            },
          }
        : {}),
      responses: {
        [op.success.status]: {
          description: op.success.description,
          ...(successId
            ? { content: { "application/json": { schema: componentRef(successId) } } }
            : {}),
        },
        "401": problem("Missing, invalid or revoked API key"),
        ...(pathParams.length > 0 ? { "404": problem("Not found for this team") } : {}),
        ...(op.body || op.query
          ? { "422": problem("Invalid input; `errors` names each field") }
          : {}),
      },
    };
  }

  return {
    openapi: "3.1.0",
    info: {
      title: "Hookyard API",
      version: "1.0.0",
      description:
        "Publish events, manage endpoints and sources, and inspect deliveries. Authenticate with `Authorization: Bearer <team API key>`. Errors are RFC 9457 problem details. Lists are cursor-paginated: pass `nextCursor` back as `cursor`.",
    },
    servers: [{ url: `${serverUrl.replace(/\/$/, "")}/api/v1` }],
    security: [{ apiKey: [] }],
    components: {
      securitySchemes: {
        apiKey: { type: "http", scheme: "bearer", description: "A team API key (hk_...)" },
      },
      schemas,
    },
    paths,
  };
}
