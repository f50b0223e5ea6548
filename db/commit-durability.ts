/**
 * Relaxed commits for the embedded file, used only where losing the very last commits to a
 * power cut (not a process crash) is provably harmless.
 *
 * The file is in WAL mode at SQLite's default `synchronous = FULL`: every commit fsyncs the WAL.
 * At `NORMAL` a commit is written to the WAL (so it survives the process being killed) but
 * fsynced only by the next FULL commit or checkpoint: a power cut or kernel crash can roll back
 * a suffix of recent relaxed commits; it never corrupts the file or keeps a later commit without
 * an earlier one. SQLite refuses to change the level inside a transaction, so the serialized
 * client sets it just before BEGIN and back to FULL right after COMMIT, within the transaction's
 * turn: no other statement ever commits relaxed. A libSQL server (Turso) is not affected.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import type { Db } from "./client";

type Scope = { active: boolean };
const relaxedScope = new AsyncLocalStorage<Scope>();

/** True while opening the transaction of a `relaxedTransaction` call (read by serializeClient). */
export const isRelaxedCommit = (): boolean => relaxedScope.getStore()?.active === true;

export async function relaxedTransaction<T>(
  db: Db,
  run: Parameters<Db["transaction"]>[0] extends (tx: infer X) => unknown ? (tx: X) => Promise<T> : never,
): Promise<T> {
  const scope: Scope = { active: true };
  try {
    return await relaxedScope.run(scope, () => db.transaction(run));
  } finally {
    // Work the callback started in the background must not inherit the relaxed level.
    scope.active = false;
  }
}
