import { Badge } from "@/components/ui/badge";
import { KeyValueList } from "@/components/ui/key-value-list";
import { Timestamp } from "@/components/ui/timestamp";
import type { DeliveryDetail } from "@/lib/deliveries/delivery-detail";

type Attempt = DeliveryDetail["attempts"][number];

function outcome(attempt: Attempt) {
  const ok = attempt.responseStatus !== null && attempt.responseStatus < 300 && !attempt.errorKind;
  const label = attempt.responseStatus
    ? `HTTP ${attempt.responseStatus}`
    : (attempt.errorKind ?? "no answer");
  return <Badge tone={ok ? "success" : "danger"}>{label}</Badge>;
}

/** Every attempt of a delivery, newest first, with what was sent and what came back. */
export function AttemptTimeline({ attempts }: { attempts: Attempt[] }) {
  if (attempts.length === 0) {
    return (
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        No attempt yet. The first one starts as soon as a worker picks the delivery up.
      </p>
    );
  }
  return (
    <ol aria-label="Attempts" className="space-y-3">
      {[...attempts].reverse().map((attempt) => (
        <li
          key={attempt.id}
          data-attempt={attempt.number}
          className="rounded-lg border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900"
        >
          <div className="flex flex-wrap items-center gap-3 text-sm">
            <span className="font-semibold">Attempt {attempt.number}</span>
            <Badge tone={attempt.trigger === "manual" ? "info" : "neutral"}>
              {attempt.trigger === "manual" ? "manual" : "automatic"}
            </Badge>
            {outcome(attempt)}
            <Timestamp value={new Date(attempt.startedAt)} />
            <span className="tabular-nums text-zinc-600 dark:text-zinc-400">
              {attempt.durationMs} ms
            </span>
          </div>
          {attempt.errorMessage ? (
            <p className="mt-2 text-sm text-red-700 dark:text-red-400">{attempt.errorMessage}</p>
          ) : null}
          <details className="mt-2 text-sm">
            <summary className="cursor-pointer font-medium">Request headers</summary>
            <div className="mt-2">
              <KeyValueList entries={attempt.requestHeaders} />
            </div>
          </details>
          <details className="mt-2 text-sm" open={attempt.responseStatus !== null}>
            <summary className="cursor-pointer font-medium">Response</summary>
            <div className="mt-2 space-y-2">
              <KeyValueList entries={attempt.responseHeaders} />
              <pre
                aria-label={`Response body of attempt ${attempt.number}`}
                tabIndex={0}
                className="max-h-64 overflow-auto rounded-md bg-zinc-900 p-3 font-mono text-xs text-zinc-100 dark:bg-black"
              >
                <code>{attempt.responseBody || "(empty body)"}</code>
              </pre>
              {attempt.responseBodyTruncated ? (
                <p className="text-xs text-zinc-600 dark:text-zinc-400">
                  Truncated at 64 KiB: the rest was not read.
                </p>
              ) : null}
            </div>
          </details>
        </li>
      ))}
    </ol>
  );
}
