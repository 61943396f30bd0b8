/** A point in time, shown in UTC so every teammate reads the same value. */
export function Timestamp({ value }: { value: Date | null }) {
  if (!value) return <span>—</span>;
  const iso = value.toISOString();
  return <time dateTime={iso}>{`${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC`}</time>;
}
