import { ZodError } from "zod";
import { describe, expect, it } from "vitest";
import { InputError } from "@/lib/errors";
import { SsrfBlockedError } from "@/lib/net/ssrf";
import { endpointInputSchema } from "./endpoint-input";
import {
  endpointErrorFields,
  endpointFormValues,
  endpointInputFromForm,
  readEndpointForm,
} from "./endpoint-form";

function form(entries: [string, string][]) {
  const data = new FormData();
  for (const [key, value] of entries) data.append(key, value);
  return data;
}

describe("endpoint form", () => {
  it("turns the text fields into the API's input", () => {
    const values = readEndpointForm(
      form([
        ["url", " https://example.com/hook "],
        ["description", " Billing "],
        ["eventTypes", "order.paid, order.refunded,, order.paid"],
        ["sourceIds", "src_1"],
        ["sourceIds", "src_2"],
        ["headers", "X-Api-Key: abc: def\n\nX-Team:  t1 "],
        ["timeoutSeconds", "2.5"],
        ["rateLimitPerSecond", ""],
      ]),
    );
    expect(endpointInputFromForm(values)).toEqual({
      input: {
        url: " https://example.com/hook ",
        description: "Billing",
        eventTypes: ["order.paid", "order.refunded"],
        sourceIds: ["src_1", "src_2"],
        headers: { "X-Api-Key": "abc: def", "X-Team": "t1" },
        timeoutMs: 2500,
        rateLimitPerSecond: null,
        maxInFlight: null,
        retrySchedule: null,
        ordering: "none",
      },
    });
  });

  it("round-trips an endpoint's values", () => {
    const endpoint = {
      url: "https://example.com",
      description: "",
      eventTypes: ["a", "b"],
      sourceIds: [],
      headers: { "X-A": "1" },
      timeoutMs: 30_000,
      rateLimitPerSecond: 5,
      maxInFlight: 2,
      retrySchedule: "1s,1m",
      ordering: "key" as const,
    };
    const result = endpointInputFromForm(endpointFormValues(endpoint));
    expect("input" in result && result.input).toMatchObject(endpoint);
  });

  it("names the field of each error", () => {
    const bad = endpointInputFromForm({
      ...endpointFormValues(),
      headers: "no colon here",
      timeoutSeconds: "90",
      rateLimitPerSecond: "1.5",
      maxInFlight: "0",
    });
    expect(bad.fieldErrors).toEqual({
      headers: 'Line 1 must look like "Name: value".',
      timeoutSeconds: "Timeout must be between 1 and 60 seconds.",
      rateLimitPerSecond: "Rate limit must be a whole number from 1 to 10000, or empty.",
      maxInFlight: "Requests at once must be a whole number from 1 to 1000, or empty.",
    });
    const schedule = endpointInputSchema.safeParse({
      url: "https://x.test",
      retrySchedule: "soon",
    });
    expect(endpointErrorFields(schedule.error as ZodError)).toEqual({
      retrySchedule:
        'Retry schedule must be comma-separated delays such as "5s,5m,30m" (at most 50)',
    });

    const zod = endpointInputSchema.safeParse({ url: "", headers: { Host: "x" } });
    expect(endpointErrorFields(zod.error as ZodError)).toEqual({
      url: "URL is required",
      headers: "Host is set by Hookyard and cannot be overridden",
    });
    expect(endpointErrorFields(new SsrfBlockedError("metadata", "169.254.169.254"))?.url).toMatch(
      /169\.254\.169\.254/,
    );
    expect(endpointErrorFields(new InputError("Unknown source id(s): x.", "sourceIds"))).toEqual({
      sourceIds: "Unknown source id(s): x.",
    });
    expect(endpointErrorFields(new Error("boom"))).toBeUndefined();
  });
});
