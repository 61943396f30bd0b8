"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";
import { fetchJson } from "@/components/ui/fetch-json";
import type { OverviewSeries, StatsRange } from "@/lib/stats/overview-series";
import { ChartCard } from "./chart-card";
import { bucketLabel, COLORS, milliseconds, percent, tooltipStyle } from "./chart-format";
import { RangePicker } from "./range-picker";
import { AXIS, MARGIN, SIZE, TimeLineChart } from "./time-line-chart";

/**
 * Success rate, volume, latency, time to eventual success and retry depth for a team or one
 * endpoint, from the hourly rollup. Polls so an open overview follows what is happening.
 */
export function DeliveryCharts({
  teamSlug,
  endpointId,
  initial,
}: {
  teamSlug: string;
  endpointId?: string;
  initial?: OverviewSeries;
}) {
  const [range, setRange] = useState<StatsRange>(initial?.range ?? "24h");
  const params = new URLSearchParams({ range, ...(endpointId ? { endpointId } : {}) });
  const { data, error } = useQuery({
    queryKey: ["stats", teamSlug, endpointId ?? null, range],
    queryFn: () => fetchJson<OverviewSeries>(`/api/teams/${teamSlug}/stats?${params}`),
    initialData: initial && initial.range === range ? initial : undefined,
    refetchInterval: 5_000,
  });

  const points = (data?.points ?? []).map((p) => ({
    ...p,
    label: bucketLabel(p.t, data?.bucket ?? "hour"),
  }));
  const depth = (data?.retryDepth ?? []).map((count, i, all) => ({
    attempt: i === all.length - 1 ? `${i + 1}+` : String(i + 1),
    count,
  }));

  const quiet =
    data && data.totals.attempts === 0
      ? "No attempts in this range yet. Send a test event or widen the range."
      : undefined;
  const noRetries = points.every((p) => p.eventualSuccessMs === null)
    ? "No delivery in this range needed a retry to succeed."
    : undefined;
  const noDepth = depth.every((d) => d.count === 0)
    ? "No delivery has succeeded in this range yet."
    : undefined;

  return (
    <section aria-labelledby="delivery-charts-heading" className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="delivery-charts-heading" className="text-base font-semibold">
          Delivery health
          {data ? (
            <span className="ml-2 text-sm font-normal text-zinc-600 dark:text-zinc-400">
              {data.totals.attempts} attempts · {percent(data.totals.successRate)} succeeded · p95{" "}
              {milliseconds(data.totals.p95Ms)}
            </span>
          ) : null}
        </h2>
        <RangePicker value={range} onChange={setRange} />
      </div>
      {error ? (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          The charts could not be refreshed: {error.message} They retry every few seconds.
        </p>
      ) : null}
      <div className="grid gap-4 xl:grid-cols-2">
        <ChartCard
          id="success-rate"
          emptyNote={quiet}
          title="Success rate"
          description="Share of attempts answered 2xx, and of finished deliveries that succeeded."
          series={points.map(({ t, successRate, deliverySuccessRate }) => ({
            t,
            successRate,
            deliverySuccessRate,
          }))}
        >
          <TimeLineChart
            data={points}
            domain={[0, 1]}
            format={percent}
            lines={[
              { name: "Attempts", dataKey: "successRate", color: COLORS.primary },
              { name: "Deliveries", dataKey: "deliverySuccessRate", color: COLORS.success },
            ]}
          />
        </ChartCard>
        <ChartCard
          id="volume"
          emptyNote={quiet}
          title="Volume by outcome"
          description="Attempts that delivered, failed attempts that will be retried, and deliveries that gave up."
          series={points.map(({ t, delivered, retried, gaveUp }) => ({
            t,
            delivered,
            retried,
            gaveUp,
          }))}
        >
          <BarChart data={points} margin={MARGIN} {...SIZE}>
            <CartesianGrid stroke="var(--chart-grid)" strokeDasharray="3 3" />
            <XAxis dataKey="label" {...AXIS} />
            <YAxis allowDecimals={false} {...AXIS} />
            <Tooltip {...tooltipStyle} />
            <Legend />
            <Bar
              name="Delivered"
              dataKey="delivered"
              stackId="v"
              fill={COLORS.success}
              isAnimationActive={false}
            />
            <Bar
              name="Retried"
              dataKey="retried"
              stackId="v"
              fill={COLORS.warning}
              isAnimationActive={false}
            />
            <Bar
              name="Gave up"
              dataKey="gaveUp"
              stackId="v"
              fill={COLORS.danger}
              isAnimationActive={false}
            />
          </BarChart>
        </ChartCard>
        <ChartCard
          id="latency"
          emptyNote={quiet}
          title="Latency"
          description="Attempt duration, p50 and p95 (upper bound of the histogram bucket)."
          series={points.map(({ t, p50Ms, p95Ms }) => ({ t, p50Ms, p95Ms }))}
        >
          <TimeLineChart
            data={points}
            format={milliseconds}
            lines={[
              { name: "p50", dataKey: "p50Ms", color: COLORS.primary },
              { name: "p95", dataKey: "p95Ms", color: COLORS.warning },
            ]}
          />
        </ChartCard>
        <ChartCard
          id="eventual-success"
          emptyNote={noRetries}
          title="Time to eventual success"
          description="For deliveries that needed retries: mean time from the event's arrival to success."
          series={points.map(({ t, eventualSuccessMs }) => ({ t, eventualSuccessMs }))}
        >
          <TimeLineChart
            data={points}
            format={milliseconds}
            lines={[
              { name: "Mean time to success", dataKey: "eventualSuccessMs", color: COLORS.success },
            ]}
          />
        </ChartCard>
        <ChartCard
          id="retry-depth"
          emptyNote={noDepth}
          title="Retry depth"
          description="Deliveries in this range by the attempt that succeeded."
          series={depth}
        >
          <BarChart data={depth} margin={MARGIN} {...SIZE}>
            <CartesianGrid stroke="var(--chart-grid)" strokeDasharray="3 3" />
            <XAxis dataKey="attempt" {...AXIS} />
            <YAxis allowDecimals={false} {...AXIS} />
            <Tooltip {...tooltipStyle} />
            <Bar
              name="Deliveries"
              dataKey="count"
              fill={COLORS.primary}
              isAnimationActive={false}
            />
          </BarChart>
        </ChartCard>
      </div>
    </section>
  );
}
