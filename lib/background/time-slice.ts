/**
 * Cooperative time slicing for long work on the request thread.
 *
 * The embedded libSQL driver is synchronous: `await db.all(...)` settles in a microtask, so a
 * loop of queries never gives the event loop a turn and every other request (even /api/health)
 * waits for the whole loop. A slice counts the time since the last turn it gave away; `pause()`
 * is free until `sliceMs` has passed, then waits for `setImmediate` (after pending I/O), so
 * requests that arrived meanwhile run before the next slice. Callers must not hold a database
 * transaction across `pause()`: the serialized client queues every other caller behind it.
 *
 * Why slices rather than a worker thread: measured, the time goes to many small synchronous
 * statements (one DiskANN query per cluster leader, ~7 ms each) — easy to cut anywhere — and a
 * worker would need its own connection (whose write lock the main thread's synchronous busy
 * timeout would spin on), its own in-process cache (the embedded cache's invalidations would not
 * reach the server), and an entry file outside Next's bundle. Slices work the same under the
 * remote (Turso) driver and in serverless functions.
 */
import { setImmediate as nextTurn } from "node:timers/promises";

export type TimeSlice = {
  /** Gives the event loop a turn when this slice has run `sliceMs` or longer. */
  pause(): Promise<void>;
  /** Gives the event loop a turn now. */
  yieldNow(): Promise<void>;
  /** How many turns were given away (for progress and tests). */
  readonly turns: number;
};

/** 10 ms: one request waits at most about one slice per turn it needs, while the work loses little to switching. */
export const defaultSliceMs = 10;

export function createTimeSlice(sliceMs: number = defaultSliceMs): TimeSlice {
  let started = performance.now();
  let turns = 0;
  const yieldNow = async () => {
    await nextTurn();
    turns++;
    started = performance.now();
  };
  return {
    pause: () => (performance.now() - started >= sliceMs ? yieldNow() : Promise.resolve()),
    yieldNow,
    get turns() {
      return turns;
    },
  };
}
