/**
 * A titled chart whose plotted numbers ride along in data-series: tests (and anyone inspecting)
 * read what was drawn without parsing the SVG.
 */
export function ChartCard({
  id,
  title,
  description,
  series,
  emptyNote,
  children,
}: {
  id: string;
  title: string;
  description: string;
  series: unknown;
  /** Said over the chart when the range holds nothing to plot, so a blank chart is not a puzzle. */
  emptyNote?: string;
  children: React.ReactNode;
}) {
  return (
    <figure
      data-chart={id}
      data-series={JSON.stringify(series)}
      className="rounded-lg border border-zinc-200 bg-white p-4 shadow-sm dark:border-zinc-800 dark:bg-zinc-900"
    >
      <figcaption className="mb-3">
        <span className="block text-sm font-semibold">{title}</span>
        <span className="block text-xs text-zinc-600 dark:text-zinc-400">{description}</span>
      </figcaption>
      <div className="relative h-52 text-xs text-zinc-600 dark:text-zinc-400">
        {children}
        {emptyNote ? (
          <p className="absolute inset-0 flex items-center justify-center px-8 text-center text-sm">
            {emptyNote}
          </p>
        ) : null}
      </div>
    </figure>
  );
}
