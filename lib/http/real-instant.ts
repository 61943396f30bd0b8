/**
 * An ISO 8601 date-time that names a day that exists (no 2024-02-30) in a year PostgreSQL and
 * the dashboard agree on (1970 to 9999: `Date.parse` takes year 0 and 2024-02-30, PostgreSQL
 * refuses the first and the dashboard has no use for either).
 */
export function isRealInstant(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})T/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1970 || year > 9999 || month < 1 || month > 12 || day < 1) return false;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= daysInMonth && Number.isFinite(Date.parse(value));
}
