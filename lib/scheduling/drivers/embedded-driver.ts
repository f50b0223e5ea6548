/**
 * The embedded scheduler: nothing to enqueue, because the dispatcher (embedded-dispatcher.ts)
 * finds due jobs in the database itself. That is also why it survives restarts.
 */
import type { SchedulerDriver } from "./scheduler-driver";

export const embeddedDriver: SchedulerDriver = {
  name: "embedded",
  async enqueue() {
    return null;
  },
  async cancel() {
    // A canceled job can no longer be claimed; there is no message to delete.
  },
  async scheduleSeries() {
    return null; // the dispatcher's sweep keeps the next 14 days of each series as jobs
  },
  async unscheduleSeries() {},
};
