/** The process-wide scheduler driver, chosen from the environment (QStash or embedded). */
import { getEnv } from "@/lib/env";
import type { SchedulerDriver } from "./drivers/scheduler-driver";
import { embeddedDriver } from "./drivers/embedded-driver";
import { createQstashDriver } from "./drivers/qstash-driver";

let driver: SchedulerDriver | undefined;

export function getSchedulerDriver(): SchedulerDriver {
  if (!driver) {
    const env = getEnv();
    driver =
      env.scheduler.driver === "qstash"
        ? createQstashDriver({ token: env.scheduler.token, baseUrl: env.scheduler.baseUrl, appUrl: env.appUrl })
        : embeddedDriver;
  }
  return driver;
}
