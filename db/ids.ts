import { ulid } from "ulid";

// Ids carry a type prefix (as Stripe's and Svix's do) so a pasted id says what it is, and a
// ULID body so they sort by creation time, which keeps B-tree inserts local.
export type IdPrefix =
  "usr" | "team" | "inv" | "key" | "src" | "ep" | "evt" | "dlv" | "att" | "aud" | "sia";

export function newId(prefix: IdPrefix): string {
  return `${prefix}_${ulid().toLowerCase()}`;
}
