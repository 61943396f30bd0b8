import "server-only";
import { availableParallelism } from "node:os";
import { HttpProblem } from "@/lib/http/problem";

/** A 503: more password checks wait than the server will queue. */
export class HashingBusyError extends HttpProblem {
  constructor() {
    super(503, "Too many sign-ins are being checked right now. Try again in a few seconds.", {
      headers: { "Retry-After": "5" },
    });
    this.name = "HashingBusyError";
  }
}

// A password hash costs ~100 ms of a core (scrypt, memory-hard by design). Unbounded, a burst of
// sign-ups or sign-ins queues work on every core and the API behind it stalls (200 parallel
// sign-ups took median API latency from 16 ms to 5.8 s). At most half the cores hash at once;
// a few dozen more wait, and past that a request is refused at once rather than queued.
const RUNNING = Math.max(1, Math.floor(availableParallelism() / 2));
const WAITING = 32;

let running = 0;
const waiting: (() => void)[] = [];

/** Runs a password hash or check in one of the bounded slots. */
export async function inHashingSlot<T>(work: () => Promise<T>): Promise<T> {
  if (running >= RUNNING) {
    if (waiting.length >= WAITING) throw new HashingBusyError();
    await new Promise<void>((resolve) => waiting.push(resolve));
  } else {
    running++;
  }
  try {
    return await work();
  } finally {
    const next = waiting.shift();
    if (next) next();
    else running--;
  }
}
