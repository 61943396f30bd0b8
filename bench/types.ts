// What every part of `npm run bench` receives and returns; run.ts prints and saves the results.

export type BenchEnv = {
  /** `--quick`: the CI smoke variant. Every loop shrinks so the whole run stays under 2 minutes. */
  quick: boolean;
  /** CPU cores of this machine: scaling targets only mean something where cores allow. */
  cores: number;
  /** Admin URL of the PostgreSQL server the bench uses (may create and drop databases). */
  adminUrl: string;
  /** Creates a fresh, migrated database for a part and returns its URL. */
  freshDatabase(name: string): Promise<string>;
  log(message: string): void;
};

/** One figure: Hookyard's or a baseline's, with the target it is judged against, if any. */
export type Metric = {
  name: string;
  value: number | null;
  unit: string;
  /** What the value is compared with (a baseline measured in the same run), and the ratio. */
  baseline?: { name: string; value: number | null };
  ratio?: number | null;
  /**
   * The part's target (README, Performance), as text ("≥ 0.8× bare Next", "≤ 50 ms"), and whether
   * it was met.
   */
  target?: string;
  met?: boolean | null;
};

export type PartResult = {
  part: string;
  metrics: Metric[];
  /** Anything else worth keeping in latest.json (raw latencies, EXPLAIN plans, settings). */
  details?: Record<string, unknown>;
};

export type BenchPart = (env: BenchEnv) => Promise<PartResult>;

export function ratioOf(value: number | null, baseline: number | null): number | null {
  return value === null || baseline === null || baseline === 0 ? null : value / baseline;
}
