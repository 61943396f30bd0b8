"use client";

import { useActionState, useId } from "react";
import type { EndpointFormState } from "@/app/(dashboard)/[team]/endpoints/actions";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import type { EndpointFormValues } from "@/lib/endpoints/endpoint-form";

const inputClass =
  "mt-1 block w-full max-w-xl rounded-md border border-zinc-300 bg-white px-3 py-2 font-mono text-sm shadow-sm dark:border-zinc-700 dark:bg-zinc-950";

function FieldMessage({ id, error, hint }: { id: string; error?: string; hint?: string }) {
  if (error)
    return (
      <p id={`${id}-error`} role="alert" className="mt-1 text-sm text-red-700 dark:text-red-400">
        {error}
      </p>
    );
  return hint ? (
    <p id={`${id}-hint`} className="mt-1 text-xs text-zinc-500 dark:text-zinc-400">
      {hint}
    </p>
  ) : null;
}

/** Create and edit share this form; on an error every field keeps what was typed. */
export function EndpointForm({
  action,
  initial,
  sources,
  submitLabel,
}: {
  action: (previous: EndpointFormState, form: FormData) => Promise<EndpointFormState>;
  initial: EndpointFormValues;
  sources: { id: string; name: string }[];
  submitLabel: "Create endpoint" | "Save changes";
}) {
  const [state, formAction, pending] = useActionState(action, {});
  const values = state.values ?? initial;
  const errors = state.fieldErrors ?? {};
  const id = useId();
  const describe = (name: string, error?: string) => (error ? `${name}-error` : `${name}-hint`);

  return (
    <form action={formAction} className="space-y-5" noValidate>
      {state.error ? (
        <p
          role="alert"
          className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800 dark:border-red-900 dark:bg-red-950 dark:text-red-300"
        >
          {state.error}
        </p>
      ) : null}
      <TextField
        label="URL"
        name="url"
        type="url"
        required
        defaultValue={values.url}
        placeholder="https://api.example.com/webhooks"
        error={errors.url}
        hint="Where Hookyard POSTs each event, signed with this endpoint's secret."
      />
      <TextField
        label="Description"
        name="description"
        defaultValue={values.description}
        maxLength={500}
        error={errors.description}
      />
      <TextField
        label="Event types"
        name="eventTypes"
        defaultValue={values.eventTypes}
        placeholder="order.paid, order.refunded"
        error={errors.eventTypes}
        hint="Comma-separated. Leave empty to receive every event type."
      />
      <fieldset aria-describedby={describe(`${id}-sources`, errors.sourceIds)}>
        <legend className="text-sm font-medium">Sources</legend>
        {sources.length === 0 ? (
          <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
            This team has no sources yet, so the endpoint receives events from the API.
          </p>
        ) : (
          <div className="mt-1 flex flex-wrap gap-x-5 gap-y-2">
            {sources.map((source) => (
              <label key={source.id} className="flex items-center gap-2 text-sm">
                <input
                  type="checkbox"
                  name="sourceIds"
                  value={source.id}
                  defaultChecked={values.sourceIds.includes(source.id)}
                  className="size-4 accent-indigo-600"
                />
                {source.name}
              </label>
            ))}
          </div>
        )}
        <FieldMessage
          id={`${id}-sources`}
          error={errors.sourceIds}
          hint="Tick none to receive events from every source and from the API."
        />
      </fieldset>
      <div>
        <label htmlFor={`${id}-headers`} className="block text-sm font-medium">
          Custom headers
        </label>
        <textarea
          id={`${id}-headers`}
          name="headers"
          rows={3}
          defaultValue={values.headers}
          placeholder="X-Api-Key: abc123"
          aria-invalid={errors.headers ? true : undefined}
          aria-describedby={describe(`${id}-headers`, errors.headers)}
          className={inputClass}
        />
        <FieldMessage
          id={`${id}-headers`}
          error={errors.headers}
          hint="One Name: value per line, sent with every delivery."
        />
      </div>
      <div className="grid max-w-xl grid-cols-2 gap-4">
        <TextField
          label="Timeout (seconds)"
          name="timeoutSeconds"
          type="number"
          min={1}
          max={60}
          step="any"
          defaultValue={values.timeoutSeconds}
          error={errors.timeoutSeconds}
          hint="1 to 60; an attempt that takes longer fails."
        />
        <TextField
          label="Rate limit (per second)"
          name="rateLimitPerSecond"
          type="number"
          min={1}
          step={1}
          defaultValue={values.rateLimitPerSecond}
          error={errors.rateLimitPerSecond}
          hint="Requests per second to this URL across every worker; more wait their turn (never failed). Empty: no limit."
        />
        <TextField
          label="Requests at once"
          name="maxInFlight"
          type="number"
          min={1}
          step={1}
          defaultValue={values.maxInFlight}
          error={errors.maxInFlight}
          hint="Most requests open to this URL at the same time, across every worker. Empty: no limit."
        />
        <TextField
          label="Retry schedule"
          name="retrySchedule"
          defaultValue={values.retrySchedule}
          error={errors.retrySchedule}
          hint={
            'Delays after each failed attempt, e.g. "5s,5m,30m,2h". Empty: the deployment\'s schedule.'
          }
        />
        <SelectField
          label="Ordering"
          name="ordering"
          defaultValue={values.ordering}
          error={errors.ordering}
          options={[
            { value: "none", label: "None: send in parallel" },
            { value: "key", label: "By ordering key: one at a time per key" },
          ]}
          hint="By key: events sharing an orderingKey arrive one at a time in publish order; a failing one holds back only its key. Applies to events published from now on."
        />
      </div>
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : submitLabel}
      </Button>
    </form>
  );
}
