import { Badge, type BadgeTone } from "@/components/ui/badge";

const tones: Record<string, BadgeTone> = {
  enabled: "success",
  paused: "warning",
  disabled: "danger",
};

/** enabled / paused / disabled, with the reason beside it when there is one. */
export function EndpointStateBadge({ state, reason }: { state: string; reason: string | null }) {
  return (
    <span className="inline-flex flex-col items-start gap-1">
      <Badge tone={tones[state] ?? "neutral"}>{state}</Badge>
      {reason && state !== "enabled" ? (
        <span className="text-xs text-zinc-600 dark:text-zinc-400">{reason}</span>
      ) : null}
    </span>
  );
}
