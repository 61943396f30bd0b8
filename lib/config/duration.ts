const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** "500ms", "5s", "10m", "2h", "5d" → milliseconds. */
export function parseDuration(text: string): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)\s*$/.exec(text);
  if (!match) throw new Error(`"${text.trim()}" is not a duration like 5s, 10m, 2h or 5d`);
  return Math.round(Number(match[1]) * UNITS[match[2]!]!);
}

const WORDS: [number, string][] = [
  [86_400_000, "day"],
  [3_600_000, "hour"],
  [60_000, "minute"],
  [1000, "second"],
];

/**
 * Milliseconds in words a person reads at once: "5 days", "90 minutes", "1 hour", "30 seconds".
 * The largest unit the length is a whole number of; else the largest that fits, rounded.
 */
export function describeDuration(ms: number): string {
  const words = (n: number, unit: string) => `${n} ${unit}${n === 1 ? "" : "s"}`;
  for (const [size, unit] of WORDS)
    if (ms >= size && ms % size === 0) return words(ms / size, unit);
  for (const [size, unit] of WORDS) if (ms >= size) return words(Math.round(ms / size), unit);
  return `${Math.round(ms)} ms`;
}
