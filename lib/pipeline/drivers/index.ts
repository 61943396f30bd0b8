// The drivers: what runs the deliver stage, and when. The in-process worker and its
// watchdog, the after-response path, the sweeper (and its cron route).
export { deliverAfterResponse } from "./after-response";
export { assertCronAuthorized, runSweep } from "./cron-sweep";
export { startBackgroundDelivery } from "./in-process";
export { startWorker, type RunningWorker, type WorkerOptions } from "./worker";
export { superviseWorker, workerHealth, type WorkerHealth } from "./worker-watchdog";
