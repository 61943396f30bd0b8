import { describe, expect, it } from "vitest";
import { setupTestDatabase } from "@/test/database";
import { deleteExpiredThrottles, takeThrottles, takeThrottlesInDatabase } from "./throttle";

const t = setupTestDatabase();

describe("throttle counters", () => {
  it("are counted atomically by the database: 60 parallel takes on separate connections allow exactly the limit", async () => {
    const rules = [{ key: "test:atomic", limit: 7, windowSeconds: 60 }];
    const verdicts = await Promise.all(
      Array.from({ length: 60 }, () => takeThrottlesInDatabase(t.db, rules)),
    );
    expect(verdicts.filter((v) => v.allowed)).toHaveLength(7);
    const refused = verdicts.find((v) => !v.allowed) as { retryAfterSeconds: number };
    expect(refused.retryAfterSeconds).toBeGreaterThan(50);
  });

  it("refuse a key's second rule even when the first still has room, and name the longer wait", async () => {
    const rules = [
      { key: "test:roomy", limit: 100, windowSeconds: 60 },
      { key: "test:tight", limit: 1, windowSeconds: 900 },
    ];
    expect(await takeThrottles(t.db, rules)).toEqual({ allowed: true });
    const second = await takeThrottles(t.db, rules);
    expect(second.allowed).toBe(false);
    expect((second as { retryAfterSeconds: number }).retryAfterSeconds).toBeGreaterThan(800);
  });

  it("start a new window once the old one ended", async () => {
    const rules = [{ key: "test:window", limit: 1, windowSeconds: 1 }];
    expect((await takeThrottlesInDatabase(t.db, rules)).allowed).toBe(true);
    expect((await takeThrottlesInDatabase(t.db, rules)).allowed).toBe(false);
    await t.db
      .$client`update auth_throttles set window_started_at = now() - interval '2 seconds' where key = 'test:window'`;
    expect((await takeThrottlesInDatabase(t.db, rules)).allowed).toBe(true);
  });

  it("are forgotten by the sweeper an hour after their windows end, not before", async () => {
    await takeThrottlesInDatabase(t.db, [{ key: "test:old", limit: 1, windowSeconds: 60 }]);
    await takeThrottlesInDatabase(t.db, [{ key: "test:recent", limit: 1, windowSeconds: 60 }]);
    await t.db
      .$client`update auth_throttles set window_started_at = now() - interval '2 hours' where key = 'test:old'`;
    expect(await deleteExpiredThrottles(t.db)).toBe(1);
    const left = await t.db
      .$client`select key from auth_throttles where key like 'test:%' order by key`;
    expect(left.map((row) => row.key)).not.toContain("test:old");
    expect(left.map((row) => row.key)).toContain("test:recent");
  });
});
