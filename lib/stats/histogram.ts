import { LATENCY_BUCKET_BOUNDS_MS } from "./latency-buckets";

/** The upper bound of the bucket holding the q-quantile; null for an empty histogram. */
export function histogramQuantile(histogram: number[], q: number): number | null {
  const total = histogram.reduce((sum, n) => sum + n, 0);
  if (total === 0) return null;
  const rank = Math.ceil(q * total);
  let seen = 0;
  for (let i = 0; i < histogram.length; i++) {
    seen += histogram[i] ?? 0;
    if (seen >= rank)
      return (
        LATENCY_BUCKET_BOUNDS_MS[i] ??
        LATENCY_BUCKET_BOUNDS_MS[LATENCY_BUCKET_BOUNDS_MS.length - 1]! * 2
      );
  }
  return null;
}
