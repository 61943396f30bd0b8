import { ZodError } from "zod";
import { InputError } from "@/lib/errors";
import { InvalidTargetError, SsrfBlockedError } from "@/lib/net/ssrf";
import type { EndpointInput } from "./endpoint-input";

// The dashboard's endpoint form speaks in text fields (comma-separated types, one header per
// line, seconds); this turns it into the API's input and the schema's errors back into
// messages next to the field they concern.

export type EndpointFormValues = {
  url: string;
  description: string;
  eventTypes: string;
  sourceIds: string[];
  headers: string;
  timeoutSeconds: string;
  rateLimitPerSecond: string;
  maxInFlight: string;
  retrySchedule: string;
  ordering: "none" | "key";
};

export type EndpointField = keyof EndpointFormValues;
export type EndpointFieldErrors = Partial<Record<EndpointField, string>>;

/** The form's values for an existing endpoint (or the defaults for a new one). */
export function endpointFormValues(endpoint?: {
  url: string;
  description: string;
  eventTypes: string[];
  sourceIds: string[];
  headers: Record<string, string>;
  timeoutMs: number;
  rateLimitPerSecond: number | null;
  maxInFlight: number | null;
  retrySchedule: string | null;
  ordering: "none" | "key";
}): EndpointFormValues {
  return {
    url: endpoint?.url ?? "",
    description: endpoint?.description ?? "",
    eventTypes: endpoint?.eventTypes.join(", ") ?? "",
    sourceIds: endpoint?.sourceIds ?? [],
    headers: Object.entries(endpoint?.headers ?? {})
      .map(([name, value]) => `${name}: ${value}`)
      .join("\n"),
    timeoutSeconds: String((endpoint?.timeoutMs ?? 15_000) / 1000),
    rateLimitPerSecond: endpoint?.rateLimitPerSecond?.toString() ?? "",
    maxInFlight: endpoint?.maxInFlight?.toString() ?? "",
    retrySchedule: endpoint?.retrySchedule ?? "",
    ordering: endpoint?.ordering ?? "none",
  };
}

export function readEndpointForm(form: FormData): EndpointFormValues {
  const text = (name: string) => String(form.get(name) ?? "");
  return {
    url: text("url"),
    description: text("description"),
    eventTypes: text("eventTypes"),
    sourceIds: form.getAll("sourceIds").map(String),
    headers: text("headers"),
    timeoutSeconds: text("timeoutSeconds"),
    rateLimitPerSecond: text("rateLimitPerSecond"),
    maxInFlight: text("maxInFlight"),
    retrySchedule: text("retrySchedule"),
    ordering: text("ordering") === "key" ? "key" : "none",
  };
}

/** The endpoint input the form describes, or the errors of the fields that cannot be read. */
export function endpointInputFromForm(
  values: EndpointFormValues,
): { input: EndpointInput; fieldErrors?: undefined } | { fieldErrors: EndpointFieldErrors } {
  const fieldErrors: EndpointFieldErrors = {};
  const headers: Record<string, string> = {};
  for (const [index, line] of values.headers.split(/\r?\n/).entries()) {
    if (line.trim() === "") continue;
    const colon = line.indexOf(":");
    if (colon <= 0) {
      fieldErrors.headers = `Line ${index + 1} must look like "Name: value".`;
      break;
    }
    headers[line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
  }
  const seconds = Number(values.timeoutSeconds.trim() || "15");
  if (!Number.isFinite(seconds) || seconds < 1 || seconds > 60)
    fieldErrors.timeoutSeconds = "Timeout must be between 1 and 60 seconds.";
  const wholeOrEmpty = (
    field: "rateLimitPerSecond" | "maxInFlight",
    max: number,
    label: string,
  ) => {
    const text = values[field].trim();
    const value = text === "" ? null : Number(text);
    if (value !== null && (!Number.isInteger(value) || value < 1 || value > max))
      fieldErrors[field] = `${label} must be a whole number from 1 to ${max}, or empty.`;
    return value;
  };
  const rate = wholeOrEmpty("rateLimitPerSecond", 10_000, "Rate limit");
  const maxInFlight = wholeOrEmpty("maxInFlight", 1_000, "Requests at once");
  if (Object.keys(fieldErrors).length > 0) return { fieldErrors };
  return {
    input: {
      url: values.url,
      description: values.description.trim(),
      eventTypes: [
        ...new Set(
          values.eventTypes
            .split(",")
            .map((type) => type.trim())
            .filter(Boolean),
        ),
      ],
      sourceIds: values.sourceIds,
      headers,
      timeoutMs: Math.round(seconds * 1000),
      rateLimitPerSecond: rate,
      maxInFlight,
      retrySchedule: values.retrySchedule.trim() || null,
      ordering: values.ordering,
    },
  };
}

const FIELD_OF: Record<string, EndpointField> = {
  url: "url",
  description: "description",
  eventTypes: "eventTypes",
  sourceIds: "sourceIds",
  headers: "headers",
  timeoutMs: "timeoutSeconds",
  rateLimitPerSecond: "rateLimitPerSecond",
  maxInFlight: "maxInFlight",
  retrySchedule: "retrySchedule",
  ordering: "ordering",
};
const LABEL_OF: Record<EndpointField, string> = {
  url: "URL",
  description: "Description",
  eventTypes: "Event type",
  sourceIds: "Sources",
  headers: "Header",
  timeoutSeconds: "Timeout",
  rateLimitPerSecond: "Rate limit",
  maxInFlight: "Requests at once",
  retrySchedule: "Retry schedule",
  ordering: "Ordering",
};

/** Field errors for what saving an endpoint threw, or undefined for an unexpected error. */
export function endpointErrorFields(error: unknown): EndpointFieldErrors | undefined {
  if (error instanceof SsrfBlockedError || error instanceof InvalidTargetError)
    return { url: error.message };
  if (error instanceof InputError) {
    const field = FIELD_OF[error.field ?? ""];
    return field ? { [field]: error.message } : undefined;
  }
  if (error instanceof ZodError) {
    const fieldErrors: EndpointFieldErrors = {};
    for (const issue of error.issues) {
      const field = FIELD_OF[String(issue.path[0])] ?? "url";
      // Header issues are keyed by the header's name: "X-Foo is set by Hookyard…".
      const subject =
        field === "headers" && issue.path[1] !== undefined
          ? String(issue.path[1])
          : LABEL_OF[field];
      // A refused record key carries its reason inside.
      const message =
        issue.code === "invalid_key" ? (issue.issues[0]?.message ?? issue.message) : issue.message;
      fieldErrors[field] ??= `${subject} ${message}`;
    }
    return fieldErrors;
  }
  return undefined;
}
