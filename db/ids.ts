import { randomFillSync } from "node:crypto";
import { ulid } from "ulid";

// Ids carry a type prefix (as Stripe's and Svix's do) so a pasted id says what it is, and a
// ULID body so they sort by creation time, which keeps B-tree inserts local.
export type IdPrefix =
  "usr" | "team" | "inv" | "key" | "src" | "ep" | "evt" | "dlv" | "att" | "aud" | "sia" | "rej";

// ulid's default generator asks the OS for one byte per character (16 calls per id); ingest
// makes thousands of ids a second, so randomness is drawn 4 KiB at a time instead.
const pool = Buffer.alloc(4096);
let next = pool.length;
function pooledRandom(): number {
  if (next === pool.length) {
    randomFillSync(pool);
    next = 0;
  }
  // A byte over 256 maps onto ulid's 32-letter alphabet exactly (byte >> 3), so still uniform.
  return pool[next++]! / 256;
}

export function newId(prefix: IdPrefix): string {
  return `${prefix}_${ulid(undefined, pooledRandom).toLowerCase()}`;
}
