import { parseDuration } from "./duration";

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/** Delays after attempts 1..7: 8 attempts over about 27.6 hours, as Svix does. */
export const DEFAULT_RETRY_SCHEDULE_MS = [
  5 * SECOND,
  5 * MINUTE,
  30 * MINUTE,
  2 * HOUR,
  5 * HOUR,
  10 * HOUR,
  10 * HOUR,
];

/** Parses RETRY_SCHEDULE such as "1s,2s,5s" or "500ms,1m,2h". */
export function parseRetrySchedule(text: string): number[] {
  const delays = text.split(",").map(parseDuration);
  if (delays.length === 0 || delays.length > 50) throw new Error("between 1 and 50 delays");
  return delays;
}
