/** A 24 h success rate, coloured by how healthy it is; "no attempts" when there were none. */
export function SuccessRate({ rate, attempts }: { rate: number | null; attempts: number }) {
  if (rate === null) return <span className="text-zinc-500 dark:text-zinc-400">no attempts</span>;
  const tone =
    rate >= 0.99
      ? "text-emerald-700 dark:text-emerald-400"
      : rate >= 0.9
        ? "text-amber-700 dark:text-amber-400"
        : "text-red-700 dark:text-red-400";
  const percent = rate === 1 || rate === 0 ? `${rate * 100}%` : `${(rate * 100).toFixed(1)}%`;
  return (
    <span className="tabular-nums">
      <span className={`font-medium ${tone}`}>{percent}</span>{" "}
      <span className="text-xs text-zinc-500 dark:text-zinc-400">
        of {attempts} attempt{attempts === 1 ? "" : "s"}
      </span>
    </span>
  );
}
