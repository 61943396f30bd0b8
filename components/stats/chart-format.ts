// Axis and tooltip formats shared by the delivery charts. Times are UTC, as everywhere else.

export function bucketLabel(iso: string, bucket: "hour" | "day"): string {
  return bucket === "day" ? iso.slice(5, 10) : `${iso.slice(11, 13)}:00`;
}

export function percent(value: unknown): string {
  return typeof value === "number" ? `${(value * 100).toFixed(1)}%` : "—";
}

export function milliseconds(value: unknown): string {
  if (typeof value !== "number") return "—";
  if (value >= 60_000) return `${(value / 60_000).toFixed(1)} min`;
  if (value >= 1000) return `${(value / 1000).toFixed(1)} s`;
  return `${Math.round(value)} ms`;
}

// Mid-tone colours that read on both the light and the dark background.
export const COLORS = {
  primary: "#6366f1",
  success: "#10b981",
  warning: "#f59e0b",
  danger: "#ef4444",
  muted: "#a1a1aa",
};

export const tooltipStyle = {
  contentStyle: {
    background: "var(--chart-tooltip-bg)",
    border: "1px solid var(--chart-grid)",
    borderRadius: 6,
    color: "inherit",
  },
  labelStyle: { color: "inherit" },
};
