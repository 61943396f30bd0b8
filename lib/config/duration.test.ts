import { describe, expect, it } from "vitest";
import { describeDuration, parseDuration } from "./duration";

describe("durations", () => {
  it("describes a length in the unit that fits, never as 0 hours", () => {
    expect(describeDuration(parseDuration("5d"))).toBe("5 days");
    expect(describeDuration(parseDuration("1h"))).toBe("1 hour");
    expect(describeDuration(parseDuration("90m"))).toBe("90 minutes");
    expect(describeDuration(parseDuration("36h"))).toBe("36 hours");
    expect(describeDuration(parseDuration("2s"))).toBe("2 seconds");
    expect(describeDuration(parseDuration("1500ms"))).toBe("2 seconds");
    expect(describeDuration(250)).toBe("250 ms");
  });
});
