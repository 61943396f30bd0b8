import "server-only";

/** A held slot; release it when the attempt's answer (or its deadline) is in. Idempotent. */
export type SlotRelease = () => void;

export type SendSlots = {
  /**
   * A slot for a send now, or null: the process is at its limit, or one of `keys` (the
   * destination's origin, the team) holds as many sends as it may.
   */
  tryAcquire(keys: string[]): SlotRelease | null;
  /** Keys that may not start another send right now: their work should wait. */
  saturatedKeys(): Set<string>;
  /** Resolves true once the process has a free slot, false if none freed within `withinMs`. */
  whenFree(withinMs: number): Promise<boolean>;
  readonly inFlight: number;
  /** The most sends the process runs at once. */
  readonly total: number;
};

// A send still running after this is hanging: what a receiver that never answers (or one far
// too slow) looks like. Well above any pause of this process's own event loop, so a busy worker
// never mistakes its own lag for a receiver's.
const HANGING_MS = 3_000;
// A key that had a hanging send stays hanging this long after it ended.
const HANGING_FOR_MS = 15_000;
// An answer within this long is quick; this many quick answers since its last hang make a key
// fast (a slower answer in between does not undo it; only a hang does).
const QUICK_MS = 1_000;
const FAST_STREAK = 8;

type KeyState = { sends: Set<{ start: number }>; hangingUntil: number; fastStreak: number };

/**
 * The process's budget of outbound requests, shared by every driver (worker, after-response,
 * sweeper, resend). A send starts only when it gets a slot, so no request waits in the HTTP
 * client's own queue (where its timeout would not yet be running).
 *
 * Each key (an origin, a team) may hold sends according to what its receivers have shown: a key
 * with a hanging send (one in flight past 3 s, or one that took that long in the last 15 s) at
 * most `slowCap`, a key not yet known at most `unknownCap`, a key proven fast (8 answers within
 * a second since its last hang) as many as the process has. So a receiver that never answers, or a team
 * that points many endpoints at one, ties up a small share and no more, while fast receivers
 * keep every slot busy.
 */
export function createSendSlots(options: {
  total: number;
  unknownCap: number;
  slowCap: number;
}): SendSlots {
  const keys = new Map<string, KeyState>();
  // Keys with a send in flight: only they can be saturated, and a process may remember
  // thousands of idle ones (fast receivers are kept), so the per-pump check walks these only.
  const busy = new Map<string, KeyState>();
  let inFlight = 0;
  const waiting = new Set<(free: boolean) => void>();

  const capOf = (state: KeyState | undefined, now: number): number => {
    if (!state) return options.unknownCap;
    let hanging = state.hangingUntil > now;
    for (const send of state.sends) if (now - send.start >= HANGING_MS) hanging = true;
    if (hanging) return options.slowCap;
    return state.fastStreak >= FAST_STREAK ? options.total : options.unknownCap;
  };

  return {
    tryAcquire(sendKeys) {
      if (inFlight >= options.total) return null;
      const now = performance.now();
      for (const key of sendKeys) {
        const state = keys.get(key);
        if ((state?.sends.size ?? 0) >= capOf(state, now)) return null;
      }
      const send = { start: now };
      inFlight++;
      for (const key of sendKeys) {
        let state = keys.get(key);
        if (!state) keys.set(key, (state = { sends: new Set(), hangingUntil: 0, fastStreak: 0 }));
        state.sends.add(send);
        busy.set(key, state);
      }
      let released = false;
      return () => {
        if (released) return;
        released = true;
        inFlight--;
        const end = performance.now();
        const took = end - send.start;
        for (const key of sendKeys) {
          const state = keys.get(key);
          if (!state) continue;
          state.sends.delete(send);
          if (state.sends.size === 0) busy.delete(key);
          if (took >= HANGING_MS) {
            state.hangingUntil = end + HANGING_FOR_MS;
            state.fastStreak = 0;
          } else if (took < QUICK_MS) state.fastStreak++;
          // Forget keys with nothing in flight and nothing to remember.
          if (state.sends.size === 0 && state.hangingUntil <= end && state.fastStreak < FAST_STREAK)
            keys.delete(key);
        }
        if (keys.size > 10_000)
          for (const [key, s] of keys) if (s.sends.size === 0) keys.delete(key);
        for (const wake of waiting) wake(true);
        waiting.clear();
      };
    },
    saturatedKeys() {
      const now = performance.now();
      const saturated = new Set<string>();
      for (const [key, state] of busy)
        if (state.sends.size >= capOf(state, now)) saturated.add(key);
      return saturated;
    },
    whenFree(withinMs) {
      if (inFlight < options.total) return Promise.resolve(true);
      return new Promise<boolean>((resolve) => {
        const timer = setTimeout(() => {
          waiting.delete(wake);
          resolve(false);
        }, withinMs);
        const wake = (free: boolean) => {
          clearTimeout(timer);
          resolve(free);
        };
        waiting.add(wake);
      });
    },
    get inFlight() {
      return inFlight;
    },
    total: options.total,
  };
}
