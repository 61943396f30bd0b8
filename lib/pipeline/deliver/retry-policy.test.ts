import { describe, expect, it } from "vitest";
import { DEFAULT_RETRY_SCHEDULE_MS, parseRetrySchedule } from "@/lib/config/retry-schedule";
import { decideNextStep, parseRetryAfter } from "./retry-policy";

const now = new Date("2026-01-01T00:00:00Z");
const noJitter = () => 0.5;
const failure = { kind: "failure" as const, status: 500 };

describe("retry policy", () => {
  it("follows the default schedule: 5s, 5m, 30m, 2h, 5h, 10h, 10h, then gives up", () => {
    const delays = DEFAULT_RETRY_SCHEDULE_MS.map((_, i) => {
      const step = decideNextStep({
        attemptNumber: i + 1,
        outcome: failure,
        now,
        random: noJitter,
      });
      return step.action === "retry" ? step.delayMs : null;
    });
    expect(delays).toEqual([5e3, 3e5, 18e5, 72e5, 18e6, 36e6, 36e6]);
    expect(delays.reduce((a, b) => a! + b!, 0)! / 3.6e6).toBeCloseTo(27.6, 1);
    expect(decideNextStep({ attemptNumber: 8, outcome: failure, now })).toEqual({ action: "fail" });
  });

  it("jitters each delay by at most ±20%", () => {
    const low = decideNextStep({ attemptNumber: 2, outcome: failure, now, random: () => 0 });
    const high = decideNextStep({
      attemptNumber: 2,
      outcome: failure,
      now,
      random: () => 0.999999,
    });
    expect(low).toMatchObject({ action: "retry", delayMs: 240_000 });
    expect(high.action === "retry" && high.delayMs).toBe(360_000);
    expect(high.action === "retry" && high.at.getTime()).toBe(now.getTime() + 360_000);
  });

  it("honours Retry-After on 429 and 503 within [scheduled delay, 1 hour]", () => {
    const step = (status: number, retryAfter: string, attemptNumber = 1) =>
      decideNextStep({
        attemptNumber,
        outcome: { kind: "failure", status, retryAfter },
        now,
        random: noJitter,
      });
    expect(step(429, "120")).toMatchObject({ delayMs: 120_000 });
    expect(step(503, "1")).toMatchObject({ delayMs: 5_000 });
    expect(step(503, "86400")).toMatchObject({ delayMs: 3_600_000 });
    expect(step(429, new Date(now.getTime() + 600_000).toUTCString())).toMatchObject({
      delayMs: 600_000,
    });
    expect(step(500, "120")).toMatchObject({ delayMs: 5_000 });
    expect(step(503, "60", 4)).toMatchObject({ delayMs: 7_200_000 });
  });

  it("disables the endpoint on 410 Gone and succeeds on success", () => {
    expect(decideNextStep({ attemptNumber: 1, outcome: { kind: "failure", status: 410 } })).toEqual(
      {
        action: "disable-endpoint",
      },
    );
    expect(decideNextStep({ attemptNumber: 3, outcome: { kind: "success" } })).toEqual({
      action: "succeed",
    });
  });

  it("reads RETRY_SCHEDULE overrides and refuses nonsense", () => {
    expect(parseRetrySchedule("1s,2s,5s")).toEqual([1000, 2000, 5000]);
    expect(parseRetrySchedule("500ms, 1m ,2h,1d")).toEqual([500, 60_000, 7_200_000, 86_400_000]);
    expect(() => parseRetrySchedule("1s,soon")).toThrow(/"soon"/);
    const schedule = parseRetrySchedule("1s,2s");
    expect(decideNextStep({ attemptNumber: 3, outcome: failure, schedule })).toEqual({
      action: "fail",
    });
  });

  it("parses Retry-After as seconds or a date", () => {
    expect(parseRetryAfter("30", now)).toBe(30_000);
    expect(parseRetryAfter("garbage", now)).toBeNull();
    expect(parseRetryAfter(undefined, now)).toBeNull();
  });
});
