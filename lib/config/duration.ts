const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** "500ms", "5s", "10m", "2h", "5d" → milliseconds. */
export function parseDuration(text: string): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)\s*$/.exec(text);
  if (!match) throw new Error(`"${text.trim()}" is not a duration like 5s, 10m, 2h or 5d`);
  return Math.round(Number(match[1]) * UNITS[match[2]!]!);
}
