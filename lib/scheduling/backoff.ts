/** Retry delay after a retryable failure: exponential with full jitter, capped. */
export function retryDelayMs(attempt: number, random: () => number = Math.random, baseMs = 30_000, capMs = 30 * 60_000): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.max(0, attempt - 1));
  // Half fixed, half jitter: never zero, and many failed jobs do not all come back at once.
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
