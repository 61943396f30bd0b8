import { publicBaseUrl } from "@/lib/http/public-url";
import { json, route } from "@/lib/handlers/route";
import { buildOpenApiDocument } from "@/lib/openapi/document";

export const GET = route(async (request) =>
  json(buildOpenApiDocument(publicBaseUrl(request.headers))),
);
