/**
 * Whether a real Redis answers, so suites that need one can skip loudly on a developer machine
 * without it, and fail under CI (CI=true), where a silent skip would hide a broken setup.
 */
import { createClient } from "redis";

/** Connects and PINGs with a short timeout; never throws. */
export async function redisAvailable(url = "redis://127.0.0.1:6379", timeoutMs = 1500): Promise<boolean> {
  const client = createClient({ url, RESP: 2, socket: { connectTimeout: timeoutMs, reconnectStrategy: false } });
  client.on("error", () => {}); // A refused connection is an answer, not a crash.
  let timer: NodeJS.Timeout | undefined;
  try {
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error("timed out")), timeoutMs);
    });
    const ping = (async () => {
      await client.connect();
      return (await client.ping()) === "PONG";
    })();
    ping.catch(() => {}); // The race may already be lost to the timeout.
    return await Promise.race([ping, timeout]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
    try {
      client.destroy();
    } catch {
      // Never connected: nothing to close.
    }
  }
}

/**
 * True when the service is there. Otherwise: under CI throws (the service is required there);
 * elsewhere warns loudly and returns false, for `describe.skipIf(!ok)`.
 */
export function requireOrSkip(available: boolean, what: string): boolean {
  if (available) return true;
  if (process.env.CI === "true") {
    throw new Error(`Cannot run ${what}: Redis is not answering on 127.0.0.1:6379, and it is required under CI (CI=true).`);
  }
  console.warn(`\n!!! SKIPPING ${what} because Redis is not answering on 127.0.0.1:6379 !!!\n`);
  return false;
}
