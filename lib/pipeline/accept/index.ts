// The accept stage: an incoming event → the event and one delivery per matching endpoint,
// committed (group commit) before anyone is told it was accepted.
export { acceptEvent } from "./accept-event";
export { assertFanOutWithinCap } from "./fan-out-cap";
export { createGroupCommit, type GroupCommit } from "./group-commit";
export type { AcceptedEvent, IncomingEvent } from "./incoming-event";
