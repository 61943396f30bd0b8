"use client";

import Link from "next/link";
import { useActionState, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import type { SourceFormErrors, SourceFormValues } from "@/lib/sources/source-form-input";
import { SECRET_HINTS } from "@/lib/sources/verification-help";

type State = { error?: string; fieldErrors?: SourceFormErrors; values?: SourceFormValues };
type Rule = { from: string; value: string };

function Fields({
  values,
  errors,
  editing,
  hasSecret,
  kinds,
  ruleDefaults,
}: {
  values: SourceFormValues;
  errors: SourceFormErrors;
  editing: boolean;
  hasSecret: boolean;
  kinds: readonly string[];
  ruleDefaults: Record<string, Rule>;
}) {
  const [kind, setKind] = useState(values.kind);
  const [rule, setRule] = useState<Rule>({
    from: values.eventTypeFrom,
    value: values.eventTypeValue,
  });
  // On create, the event type rule follows the provider until the user picks one.
  const [ruleTouched, setRuleTouched] = useState(editing);
  const ruleSelect = useRef<HTMLSelectElement>(null);
  const keepsSecret = editing && hasSecret && kind === values.kind;

  return (
    <>
      <TextField
        label="Name"
        name="name"
        defaultValue={values.name}
        required
        maxLength={100}
        placeholder="Stripe production"
        error={errors.name}
      />
      <SelectField
        label="Verification"
        name="kind"
        defaultValue={values.kind}
        hint={SECRET_HINTS[kind]}
        error={errors.kind}
        options={kinds.map((k) => ({ value: k, label: k }))}
        onChange={(event) => {
          const next = event.target.value;
          setKind(next);
          if (!ruleTouched) {
            const preset = ruleDefaults[next] ?? { from: "fixed", value: "ingest" };
            if (ruleSelect.current) ruleSelect.current.value = preset.from;
            setRule({ from: preset.from, value: preset.from === "fixed" ? "" : preset.value });
          }
        }}
      />
      {kind !== "none" ? (
        <TextField
          label="Signing secret"
          name="secret"
          defaultValue={values.secret}
          autoComplete="off"
          spellCheck={false}
          required={!keepsSecret}
          minLength={8}
          maxLength={512}
          error={errors.secret}
          hint={
            keepsSecret
              ? "Leave blank to keep the current secret. It is stored encrypted and never shown."
              : "Stored encrypted; it is never shown again."
          }
        />
      ) : null}
      {kind === "hmac-sha256" ? (
        <div className="grid max-w-md grid-cols-2 gap-4">
          <TextField
            label="Header"
            name="header"
            defaultValue={values.header}
            placeholder="X-Signature"
            required
            maxLength={100}
            error={errors.header}
          />
          <SelectField
            label="Encoding"
            name="encoding"
            defaultValue={values.encoding || "hex"}
            error={errors.encoding}
            options={[
              { value: "hex", label: "hex" },
              { value: "base64", label: "base64" },
            ]}
          />
        </div>
      ) : null}
      <div className="space-y-4">
        <SelectField
          label="Event type rule"
          name="eventTypeFrom"
          defaultValue={values.eventTypeFrom}
          selectRef={ruleSelect}
          hint="Where each request's event type comes from; endpoints can subscribe by type."
          error={errors.eventTypeFrom}
          options={[
            { value: "fixed", label: "Fixed: every request is “ingest”" },
            { value: "json-path", label: "A JSON path in the body" },
            { value: "header", label: "A request header" },
          ]}
          onChange={(event) => {
            const from = event.target.value;
            setRuleTouched(true);
            setRule({ from, value: "" });
          }}
        />
        {rule.from !== "fixed" ? (
          <TextField
            key={`${rule.from}:${rule.value}`}
            label={rule.from === "header" ? "Event type header" : "Event type JSON path"}
            name="eventTypeValue"
            defaultValue={rule.value}
            placeholder={rule.from === "header" ? "X-GitHub-Event" : "type"}
            maxLength={200}
            onChange={() => setRuleTouched(true)}
            error={errors.eventTypeValue}
          />
        ) : null}
        <SelectField
          label="Ordering key"
          name="orderingKeyFrom"
          defaultValue={values.orderingKeyFrom}
          hint="For endpoints that order by key: requests sharing a key are delivered one at a time, in the order they arrived."
          error={errors.orderingKeyFrom}
          options={[
            { value: "none", label: "None" },
            { value: "json-path", label: "A JSON path in the body" },
            { value: "header", label: "A request header" },
          ]}
        />
        <TextField
          label="Ordering key JSON path or header"
          name="orderingKeyValue"
          defaultValue={values.orderingKeyValue}
          placeholder="customer.id or X-Customer-Id"
          hint="Ignored when the ordering key is None."
          maxLength={200}
          error={errors.orderingKeyValue}
        />
      </div>
    </>
  );
}

/** Create or edit a source. Errors show by their field and nothing typed is lost. */
export function SourceForm({
  action,
  initial,
  editing = false,
  hasSecret = false,
  kinds,
  ruleDefaults,
  cancelHref,
}: {
  action: (previous: State, form: FormData) => Promise<State>;
  initial: SourceFormValues;
  editing?: boolean;
  hasSecret?: boolean;
  kinds: readonly string[];
  ruleDefaults: Record<string, Rule>;
  cancelHref: string;
}) {
  const [state, formAction, pending] = useActionState(action, {});
  const values = state.values ?? initial;
  return (
    <form action={formAction} className="space-y-5" noValidate>
      {state.error ? (
        <p role="alert" className="text-sm font-medium text-red-700 dark:text-red-400">
          {state.error}
        </p>
      ) : null}
      <Fields
        key={JSON.stringify(state.values ?? null)}
        values={values}
        errors={state.fieldErrors ?? {}}
        editing={editing}
        hasSecret={hasSecret}
        kinds={kinds}
        ruleDefaults={ruleDefaults}
      />
      <div className="flex items-center gap-4">
        <Button type="submit" disabled={pending}>
          {editing ? "Save changes" : "Create source"}
        </Button>
        <Link
          href={cancelHref}
          className="text-sm font-medium text-zinc-700 underline dark:text-zinc-300"
        >
          Cancel
        </Link>
        {pending ? (
          <span role="status" className="text-sm text-zinc-600 dark:text-zinc-400">
            Saving…
          </span>
        ) : null}
      </div>
    </form>
  );
}
