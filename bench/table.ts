import type { PartResult } from "./types";

const fmt = (value: number | null | undefined, digits = 1) =>
  value === null || value === undefined
    ? "—"
    : Number.isInteger(value)
      ? value.toLocaleString("en-US")
      : value.toLocaleString("en-US", { maximumFractionDigits: digits });

/** The results as a Markdown table: readable in a terminal and pasteable into the README. */
export function formatTable(results: PartResult[]): string {
  const lines = [
    "| part | figure | value | baseline | ratio | target | met |",
    "| --- | --- | --- | --- | --- | --- | --- |",
  ];
  for (const result of results) {
    for (const m of result.metrics) {
      lines.push(
        `| ${result.part} | ${m.name} | ${fmt(m.value)} ${m.unit} | ${
          m.baseline ? `${m.baseline.name}: ${fmt(m.baseline.value)}` : ""
        } | ${m.ratio === undefined ? "" : `${fmt(m.ratio, 2)}×`} | ${m.target ?? ""} | ${
          m.met === undefined || m.met === null ? "" : m.met ? "yes" : "no"
        } |`,
      );
    }
  }
  return lines.join("\n");
}
