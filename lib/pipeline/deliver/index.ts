// The deliver stage: claim due deliveries → sign and send one attempt each → record the
// attempt and the delivery's next state. Drivers (../drivers) decide when this runs.
export { claimDueBatch, claimDueJobs, claimJobs, releaseClaims } from "./claim";
export {
  createDeliveryContext,
  processDeliveryContext,
  type DeliveryContext,
} from "./delivery-context";
export { loadDeliveryJob, type DeliveryJob } from "./load-jobs";
export { sendWebhook, type SendResult } from "./post-webhook";
export { recordAttempt, type AttemptRecord } from "./record-attempt";
export {
  deliverJobs,
  missedSlot,
  sendAttempt,
  slotKeys,
  startAttempt,
  waitForSlot,
} from "./send-attempt";
