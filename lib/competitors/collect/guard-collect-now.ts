/** The rate limit on people clicking "collect now" (scheduled runs pace themselves instead). */
import { getCache } from "@/lib/cache";
import { AppError } from "@/lib/errors/app-error";
import { isRateLimited, recordAttempt } from "@/lib/security/rate-limit";

export async function guardCollectNow(workspaceId: string): Promise<void> {
  const cache = getCache();
  if (await isRateLimited(cache, "bridgeCollect", workspaceId)) throw new AppError("RATE_LIMITED");
  await recordAttempt(cache, "bridgeCollect", workspaceId);
}
