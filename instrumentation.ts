/** Runs once per server process: says which engine each driver uses, and starts the scheduler. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { describeDrivers } = await import("@/lib/env");
  const { getLogger } = await import("@/lib/observability/logger");
  for (const line of describeDrivers()) getLogger().info(line);
  const { startScheduler } = await import("@/lib/scheduling/start-scheduler");
  await startScheduler();
}
