import "server-only";
import { z } from "zod";
import { deliveryDetailSchema, deliveryResponseSchema } from "@/lib/deliveries/delivery-response";
import { deliveryQuerySchema } from "@/lib/deliveries/list-delivery-page";
import { recoverInputSchema } from "@/lib/deliveries/recover-deliveries";
import { endpointInputSchema, endpointPatchSchema } from "@/lib/endpoints/endpoint-input";
import {
  endpointResponseSchema,
  endpointWithSecretSchema,
} from "@/lib/endpoints/endpoint-response";
import { stuckKeySchema } from "@/lib/endpoints/stuck-keys";
import { eventResponseSchema } from "@/lib/events/event-response";
import { eventQuerySchema } from "@/lib/events/list-event-page";
import { publishEventSchema } from "@/lib/events/publish-event";
import { pageQuerySchema } from "@/lib/http/cursor";
import { sourceInputSchema, sourcePatchSchema } from "@/lib/sources/source-input";
import { sourceResponseSchema } from "@/lib/sources/source-response";
import { statsQuerySchema, statsResponseSchema } from "@/lib/stats/stats-series";
import { deliveryStatusSchema, pageOf } from "@/lib/http/api-schemas";

// Every /api/v1 operation, described by the same zod schemas the handlers parse and answer with.
// The OpenAPI document is generated from this list, and the contract test walks it.

export type ApiOperation = {
  method: "get" | "post" | "patch" | "delete";
  path: string;
  summary: string;
  tag: string;
  query?: z.ZodObject;
  body?: { id: string; schema: z.ZodType };
  success: { status: number; description: string; schema?: z.ZodType };
};

const accepted = z
  .object({ id: z.string(), deliveries: z.array(z.string()) })
  .meta({ id: "AcceptedEvent" });
const secret = z.object({ secret: z.string() }).meta({ id: "RotatedSecret" });
const count = z.object({ count: z.number().int() }).meta({ id: "RecoverCount" });
const attemptResult = z
  .object({
    attemptId: z.string(),
    status: deliveryStatusSchema,
  })
  .meta({ id: "ResendResult" });

const endpointPage = pageOf(endpointResponseSchema, "EndpointPage");
const sourcePage = pageOf(sourceResponseSchema, "SourcePage");
const eventPage = pageOf(eventResponseSchema, "EventPage");
const deliveryPage = pageOf(deliveryResponseSchema, "DeliveryPage");

export const apiOperations: ApiOperation[] = [
  {
    method: "post",
    path: "/events",
    tag: "Events",
    summary: "Publish an event",
    body: { id: "PublishEvent", schema: publishEventSchema },
    success: { status: 202, description: "Stored with its deliveries", schema: accepted },
  },
  {
    method: "get",
    path: "/events",
    tag: "Events",
    summary: "List events",
    query: eventQuerySchema,
    success: { status: 200, description: "A page of events", schema: eventPage },
  },
  {
    method: "get",
    path: "/events/{id}",
    tag: "Events",
    summary: "Get an event with its deliveries",
    success: { status: 200, description: "The event", schema: eventResponseSchema },
  },
  {
    method: "get",
    path: "/endpoints",
    tag: "Endpoints",
    summary: "List endpoints",
    query: pageQuerySchema,
    success: { status: 200, description: "A page of endpoints", schema: endpointPage },
  },
  {
    method: "post",
    path: "/endpoints",
    tag: "Endpoints",
    summary: "Create an endpoint",
    body: { id: "EndpointInput", schema: endpointInputSchema },
    success: {
      status: 201,
      description: "Created; the secret is shown this once",
      schema: endpointWithSecretSchema,
    },
  },
  {
    method: "get",
    path: "/endpoints/{id}",
    tag: "Endpoints",
    summary: "Get an endpoint",
    success: { status: 200, description: "The endpoint", schema: endpointResponseSchema },
  },
  {
    method: "patch",
    path: "/endpoints/{id}",
    tag: "Endpoints",
    summary: "Change an endpoint",
    body: { id: "EndpointPatch", schema: endpointPatchSchema },
    success: { status: 200, description: "The endpoint", schema: endpointResponseSchema },
  },
  {
    method: "delete",
    path: "/endpoints/{id}",
    tag: "Endpoints",
    summary: "Delete an endpoint and its deliveries",
    success: { status: 204, description: "Deleted" },
  },
  {
    method: "post",
    path: "/endpoints/{id}/rotate-secret",
    tag: "Endpoints",
    summary: "Rotate the signing secret (the old one signs too for the grace period)",
    success: { status: 200, description: "The new secret", schema: secret },
  },
  {
    method: "post",
    path: "/endpoints/{id}/recover",
    tag: "Endpoints",
    summary: "Re-queue failed deliveries since a time",
    body: { id: "RecoverInput", schema: recoverInputSchema },
    success: { status: 200, description: "How many (would be) re-queued", schema: count },
  },
  {
    method: "get",
    path: "/endpoints/{id}/stuck",
    tag: "Endpoints",
    summary: "The ordered keys blocked by a head that has not succeeded",
    success: {
      status: 200,
      description: "Blocked keys, the most recently failing first (at most 100)",
      schema: z.object({ data: z.array(stuckKeySchema) }).meta({ id: "StuckKeys" }),
    },
  },
  {
    method: "post",
    path: "/endpoints/{id}/stuck/{orderingKey}/skip",
    tag: "Endpoints",
    summary: "Give up a key's head (marked failed) so the rest of the key goes on",
    success: {
      status: 200,
      description: "The delivery given up",
      schema: z.object({ deliveryId: z.string() }).meta({ id: "SkippedHead" }),
    },
  },
  {
    method: "get",
    path: "/sources",
    tag: "Sources",
    summary: "List sources",
    query: pageQuerySchema,
    success: { status: 200, description: "A page of sources", schema: sourcePage },
  },
  {
    method: "post",
    path: "/sources",
    tag: "Sources",
    summary: "Create a source",
    body: { id: "SourceInput", schema: sourceInputSchema },
    success: {
      status: 201,
      description: "Created, with its ingest URL",
      schema: sourceResponseSchema,
    },
  },
  {
    method: "get",
    path: "/sources/{id}",
    tag: "Sources",
    summary: "Get a source",
    success: { status: 200, description: "The source", schema: sourceResponseSchema },
  },
  {
    method: "patch",
    path: "/sources/{id}",
    tag: "Sources",
    summary: "Change a source",
    body: { id: "SourcePatch", schema: sourcePatchSchema },
    success: { status: 200, description: "The source", schema: sourceResponseSchema },
  },
  {
    method: "delete",
    path: "/sources/{id}",
    tag: "Sources",
    summary: "Delete a source",
    success: { status: 204, description: "Deleted" },
  },
  {
    method: "get",
    path: "/deliveries",
    tag: "Deliveries",
    summary: "List deliveries",
    query: deliveryQuerySchema,
    success: { status: 200, description: "A page of deliveries", schema: deliveryPage },
  },
  {
    method: "get",
    path: "/deliveries/{id}",
    tag: "Deliveries",
    summary: "Get a delivery with its attempts",
    success: { status: 200, description: "The delivery", schema: deliveryDetailSchema },
  },
  {
    method: "post",
    path: "/deliveries/{id}/resend",
    tag: "Deliveries",
    summary: "Send again now, as a manual attempt",
    success: { status: 202, description: "The attempt's outcome", schema: attemptResult },
  },
  {
    method: "get",
    path: "/stats",
    tag: "Stats",
    summary: "Delivery outcomes and latency over time",
    query: statsQuerySchema as unknown as z.ZodObject,
    success: { status: 200, description: "The series", schema: statsResponseSchema },
  },
];
