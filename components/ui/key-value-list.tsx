/** Names and values, sorted by name, in two aligned monospace columns (HTTP headers, metadata). */
export function KeyValueList({
  entries,
  empty = "None.",
}: {
  entries: Record<string, string> | null;
  empty?: string;
}) {
  const pairs = Object.entries(entries ?? {}).sort(([a], [b]) => a.localeCompare(b));
  if (pairs.length === 0)
    return <p className="text-sm text-zinc-600 dark:text-zinc-400">{empty}</p>;
  return (
    <dl className="grid grid-cols-[minmax(8rem,max-content)_1fr] gap-x-4 gap-y-1 font-mono text-xs">
      {pairs.map(([name, value]) => (
        <div key={name} className="contents">
          <dt className="text-zinc-600 dark:text-zinc-400">{name}</dt>
          <dd className="break-all">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
