"use client";

import type { StatsRange } from "@/lib/stats/overview-series";

const RANGES: { value: StatsRange; label: string }[] = [
  { value: "1h", label: "1 h" },
  { value: "24h", label: "24 h" },
  { value: "7d", label: "7 d" },
  { value: "30d", label: "30 d" },
];

/** A segmented control: one button per range, the chosen one pressed. */
export function RangePicker({
  value,
  onChange,
}: {
  value: StatsRange;
  onChange: (range: StatsRange) => void;
}) {
  return (
    <div
      role="group"
      aria-label="Time range"
      className="inline-flex rounded-md border border-zinc-300 dark:border-zinc-700"
    >
      {RANGES.map((range) => (
        <button
          key={range.value}
          type="button"
          aria-pressed={value === range.value}
          onClick={() => onChange(range.value)}
          className={`px-3 py-1 text-sm first:rounded-l-md last:rounded-r-md ${
            value === range.value
              ? "bg-indigo-600 font-medium text-white"
              : "hover:bg-zinc-100 dark:hover:bg-zinc-800"
          }`}
        >
          {range.label}
        </button>
      ))}
    </div>
  );
}
