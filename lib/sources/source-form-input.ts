import "server-only";
import type { ZodError } from "zod";
import type { sources } from "@/db/schema";
import { decryptSecret } from "@/lib/crypto/secret-box";
import { defaultEventTypeRule, verificationKinds } from "./source-input";

// The dashboard's source form, as flat text fields, to and from the input the lib schemas
// (source-input.ts) validate. The same schemas serve the API, so the rules cannot drift.

export type SourceFormValues = {
  name: string;
  kind: string;
  secret: string;
  header: string;
  encoding: string;
  eventTypeFrom: string;
  eventTypeValue: string;
  orderingKeyFrom: string;
  orderingKeyValue: string;
};

export type SourceFormErrors = Partial<Record<keyof SourceFormValues, string>>;

export const blankSourceForm: SourceFormValues = {
  name: "",
  kind: "none",
  secret: "",
  header: "",
  encoding: "hex",
  eventTypeFrom: "fixed",
  eventTypeValue: "",
  orderingKeyFrom: "none",
  orderingKeyValue: "",
};

/** The edit form's starting values: everything but the secret, which is never sent back. */
export function sourceFormValues(row: typeof sources.$inferSelect): SourceFormValues {
  return {
    name: row.name,
    kind: row.verificationKind,
    secret: "",
    header: row.verificationHeader ?? "",
    encoding: row.verificationEncoding ?? "hex",
    eventTypeFrom: row.eventTypeRuleKind,
    eventTypeValue: row.eventTypeRuleKind === "fixed" ? "" : (row.eventTypeRuleValue ?? ""),
    orderingKeyFrom: row.orderingKeyRule?.from ?? "none",
    orderingKeyValue: row.orderingKeyRule?.value ?? "",
  };
}

/** What the form offers: the schemes, and the event type rule each provider implies. */
export function sourceFormOptions() {
  return {
    kinds: verificationKinds,
    ruleDefaults: Object.fromEntries(
      verificationKinds.map((kind) => {
        const rule = defaultEventTypeRule(kind);
        return [kind, { from: rule.from, value: rule.value ?? "" }];
      }),
    ),
  };
}

export function readSourceForm(form: FormData): SourceFormValues {
  const text = (name: string) => String(form.get(name) ?? "");
  return {
    name: text("name"),
    kind: text("kind") || "none",
    secret: text("secret").trim(),
    header: text("header").trim(),
    encoding: text("encoding") || "hex",
    eventTypeFrom: text("eventTypeFrom") || "fixed",
    eventTypeValue: text("eventTypeValue").trim(),
    orderingKeyFrom: text("orderingKeyFrom") || "none",
    orderingKeyValue: text("orderingKeyValue").trim(),
  };
}

/** A rule reading the type from somewhere must say where; the form asks for it. */
export function missingRuleValue(values: SourceFormValues): SourceFormErrors {
  if (values.eventTypeFrom === "fixed" || values.eventTypeValue) return {};
  return {
    eventTypeValue:
      values.eventTypeFrom === "header"
        ? "Event type header is required (e.g. X-GitHub-Event)."
        : "Event type JSON path is required (e.g. type or data.object.type).",
  };
}

/**
 * The input for createSource/updateSource. On edit a blank secret keeps the current one:
 * `currentSecret` (decrypted on the server, never sent to the browser) stands in for it.
 */
export function sourceFormInput(values: SourceFormValues, currentSecret?: string | null) {
  const kind = values.kind;
  const secret = values.secret || currentSecret || undefined;
  return {
    name: values.name,
    verification: {
      kind,
      ...(kind !== "none" && secret ? { secret } : {}),
      ...(kind === "hmac-sha256"
        ? { header: values.header || undefined, encoding: values.encoding }
        : {}),
    },
    eventType:
      values.eventTypeFrom === "fixed"
        ? { from: "fixed", value: "ingest" }
        : { from: values.eventTypeFrom, value: values.eventTypeValue || undefined },
    orderingKey:
      values.orderingKeyFrom === "none"
        ? null
        : { from: values.orderingKeyFrom, value: values.orderingKeyValue },
  };
}

const FIELD_BY_PATH: Record<string, keyof SourceFormValues> = {
  name: "name",
  "verification.kind": "kind",
  "verification.secret": "secret",
  "verification.header": "header",
  "verification.encoding": "encoding",
  "eventType.from": "eventTypeFrom",
  "eventType.value": "eventTypeValue",
  "orderingKey.from": "orderingKeyFrom",
  "orderingKey.value": "orderingKeyValue",
};

const LABELS: Record<keyof SourceFormValues, string> = {
  name: "Name",
  kind: "Verification",
  secret: "Signing secret",
  header: "Header",
  encoding: "Encoding",
  eventTypeFrom: "Event type",
  eventTypeValue: "Event type source",
  orderingKeyFrom: "Ordering key",
  orderingKeyValue: "Ordering key source",
};

// Where the schema's own wording does not read well under the field.
const MESSAGES: Partial<Record<keyof SourceFormValues, string>> = {
  header: "Header is required: the name of the header that carries the signature.",
};

/** Zod issues as one message per form field; the schemas' short messages get the field's label. */
export function sourceFormErrors(error: ZodError): SourceFormErrors {
  const errors: SourceFormErrors = {};
  for (const issue of error.issues) {
    const field = FIELD_BY_PATH[issue.path.join(".")] ?? "name";
    if (errors[field]) continue;
    const message = (issue.code === "custom" && MESSAGES[field]) || issue.message;
    errors[field] = /^[a-z]/.test(message) ? `${LABELS[field]} ${message}.` : message;
  }
  return errors;
}

/**
 * The patch an edit makes. Verification is left out when nothing about it changed (so the
 * audit log does not record a secret change); when only its header or encoding changed, a
 * blank secret keeps the stored one.
 */
export function sourceFormPatch(values: SourceFormValues, current: typeof sources.$inferSelect) {
  const input = sourceFormInput(values);
  const sameKind = values.kind === current.verificationKind;
  const sameHmac =
    values.kind !== "hmac-sha256" ||
    (values.header === (current.verificationHeader ?? "") &&
      values.encoding === (current.verificationEncoding ?? "hex"));
  if (sameKind && !values.secret && sameHmac) return { ...input, verification: undefined };
  const kept =
    sameKind && current.verificationSecretEncrypted
      ? decryptSecret(current.verificationSecretEncrypted)
      : null;
  return sourceFormInput(values, kept);
}
