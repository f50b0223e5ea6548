/**
 * Cooperative time slicing for long work on the request thread.
 *
 * The embedded libSQL driver is synchronous: `await db.all(...)` settles in a microtask, so a
 * loop of queries never gives the event loop a turn and every other request (even /api/health)
 * waits for the whole loop. Measured before slicing: compress over 2,000 memories held the loop
 * for 15 s in one piece (13 s of it in ~2,000 DiskANN queries, one per cluster leader, ~7 ms
 * each, all inside one read transaction); a concurrent read loop completed 2 reads.
 *
 * A slice counts the time since the last turn it gave away; `pause()` is free until `sliceMs`
 * has passed, then waits for `setImmediate` (after pending I/O), so requests that arrived
 * meanwhile run before the next slice. When that turn shows the loop had other work (it took
 * longer than `busyMs`), the work also steps aside for one more `sliceMs` on a timer: an HTTP
 * request needs several turns (socket, body, session, queries, response), and with a bare
 * `setImmediate` it waited a whole slice for each. Measured in-process on the loaded 2-core
 * bench machine (compress planning 3,000 memories, a 6-turn fake request and a search looping
 * beside it): request p50/p95 153/299 ms -> 66/141 ms, search 55/133 -> 31/70 ms, compress
 * itself 65 -> 62 s (noise: the machine was shared). When nothing else runs, the work loses
 * only the `setImmediate` turns.
 *
 * Callers must not hold a database transaction across `pause()`: the serialized client queues
 * every other caller behind it.
 *
 * Why slices rather than a worker thread: the time goes to many small synchronous statements,
 * easy to cut anywhere; a worker would need its own connection (whose write lock the main
 * thread's synchronous busy timeout would spin on), its own in-process cache (the embedded
 * cache's invalidations would not reach the server), and an entry file outside Next's bundle.
 * Slices work the same under the remote (Turso) driver and in serverless functions. The cost:
 * the work still shares the main thread's CPU with requests.
 */
import { setImmediate as nextTurn, setTimeout as sleep } from "node:timers/promises";

export type TimeSlice = {
  /** Gives the event loop a turn when this slice has run `sliceMs` or longer. */
  pause(): Promise<void>;
  /** Gives the event loop a turn now (and a window of `sliceMs` when it is busy). */
  yieldNow(): Promise<void>;
  /** How many turns were given away (for progress and tests). */
  readonly turns: number;
};

/** 10 ms: about one DiskANN query; a request waits at most about one slice per turn it needs. */
export const defaultSliceMs = 10;
/** A `setImmediate` turn longer than this ran someone else's callbacks. */
const busyMs = 1;

export function createTimeSlice(sliceMs: number = defaultSliceMs): TimeSlice {
  let started = performance.now();
  let turns = 0;
  const yieldNow = async () => {
    const before = performance.now();
    await nextTurn();
    if (performance.now() - before > busyMs) await sleep(sliceMs);
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
