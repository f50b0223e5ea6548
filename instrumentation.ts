/**
 * Runs once per server process: records socket addresses, says which engine each driver uses,
 * prints the setup code on a fresh install, and starts the scheduler.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // First: every request after this carries its socket address (lib/next/peer-address.ts).
  const { installPeerAddressStamp } = await import("@/lib/next/peer-address");
  installPeerAddressStamp();
  const { describeDrivers } = await import("@/lib/env");
  const { getLogger } = await import("@/lib/observability/logger");
  for (const line of describeDrivers()) getLogger().info(line);
  const [{ getDb }, { getEnv }, { announceSetupCode }] = await Promise.all([
    import("@/lib/database"),
    import("@/lib/env"),
    import("@/lib/setup/announce-setup-code"),
  ]);
  await announceSetupCode(getDb(), getEnv(), getLogger()).catch((error) =>
    getLogger().error({ err: error }, "could not check whether setup is done"),
  );
  const { startScheduler } = await import("@/lib/scheduling/start-scheduler");
  await startScheduler();
}
