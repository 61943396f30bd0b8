"use client";

import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from "recharts";
import { tooltipStyle } from "./chart-format";

export const AXIS = { stroke: "var(--chart-grid)", tick: { fill: "currentColor" }, fontSize: 11 };
export const MARGIN = { top: 4, right: 8, bottom: 0, left: -8 };
export const SIZE = { responsive: true, style: { width: "100%", height: "100%" } };

/** Lines over the time buckets (x = `label`), with one value format for axis and tooltip. */
export function TimeLineChart<Point extends { label: string }>({
  data,
  lines,
  format,
  domain,
}: {
  data: Point[];
  lines: { name: string; dataKey: keyof Point & string; color: string }[];
  format: (value: unknown) => string;
  domain?: [number, number];
}) {
  return (
    <LineChart data={data} margin={MARGIN} {...SIZE}>
      <CartesianGrid stroke="var(--chart-grid)" strokeDasharray="3 3" />
      <XAxis dataKey="label" {...AXIS} />
      <YAxis domain={domain} tickFormatter={format} {...AXIS} />
      <Tooltip formatter={(v) => format(v)} {...tooltipStyle} />
      {lines.length > 1 ? <Legend /> : null}
      {lines.map((line) => (
        <Line
          key={line.dataKey}
          name={line.name}
          dataKey={line.dataKey}
          stroke={line.color}
          strokeWidth={2}
          connectNulls
          isAnimationActive={false}
        />
      ))}
    </LineChart>
  );
}
