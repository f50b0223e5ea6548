/**
 * One-at-a-time access to an embedded libSQL file from this process.
 *
 * The file driver is synchronous: a statement that meets another connection's write lock
 * busy-waits on the event loop, so the transaction holding the lock can never finish (a
 * deadlock until the busy timeout, then SQLITE_BUSY). Queueing every call, and holding the
 * queue for a transaction's whole life, removes that; SQLite has a single writer anyway.
 * A wait is bounded: code that wrongly uses the client (not `tx`) inside a transaction
 * would wait for itself, so it fails after `maxWaitMs` and the transaction rolls back.
 *
 * Durability: the file runs at SQLite's default `synchronous = FULL`. A `relaxedTransaction`
 * (db/commit-durability.ts) commits at NORMAL: the level is set before BEGIN and set back to
 * FULL after COMMIT, inside the same turn, so nothing else ever commits relaxed by accident.
 */
import type { Client, Transaction } from "@libsql/client";
import { isRelaxedCommit } from "./commit-durability";

export function serializeClient(client: Client, maxWaitMs = 15_000): Client {
  let tail: Promise<unknown> = Promise.resolve();

  /** Waits for our turn; resolves with the function that hands the turn on. */
  function turn(): Promise<() => void> {
    let release!: () => void;
    const done = new Promise<void>((resolve) => (release = resolve));
    const ready = tail.then(() => release);
    tail = tail.then(() => done);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        ready.then((r) => r()); // give the slot back when it comes
        reject(new Error(`Waited ${maxWaitMs} ms for the database (is the client used inside its own transaction?)`));
      }, maxWaitMs);
      ready.then((r) => {
        clearTimeout(timer);
        resolve(r);
      });
    });
  }

  async function queued<T>(run: () => Promise<T>): Promise<T> {
    const release = await turn();
    try {
      return await run();
    } finally {
      release();
    }
  }

  async function transaction(...args: Parameters<Client["transaction"]>): Promise<Transaction> {
    const relaxed = isRelaxedCommit();
    const release = await turn();
    // Still our turn throughout: with one caller at a time the pool hands these statements and
    // the transaction the same idle connection (the level is per connection).
    const restore = async () => {
      if (relaxed) await client.execute("PRAGMA synchronous = FULL");
    };
    let tx: Transaction;
    try {
      if (relaxed) await client.execute("PRAGMA synchronous = NORMAL");
      tx = await client.transaction(...args);
    } catch (error) {
      await restore().catch(() => undefined);
      release();
      throw error;
    }
    let settled = false;
    const settle = () => {
      if (!settled) {
        settled = true;
        release();
      }
    };
    return new Proxy(tx, {
      get(target, prop) {
        const value = Reflect.get(target, prop, target);
        if (typeof value !== "function") return value;
        if (prop === "commit" || prop === "rollback" || prop === "close") {
          return async (...a: unknown[]) => {
            try {
              return await value.apply(target, a);
            } finally {
              await restore().catch(() => undefined);
              settle();
            }
          };
        }
        return value.bind(target);
      },
    });
  }

  return new Proxy(client, {
    get(target, prop) {
      if (prop === "transaction") return transaction;
      const value = Reflect.get(target, prop, target);
      if (typeof value !== "function") return value;
      if (prop === "execute" || prop === "batch" || prop === "executeMultiple" || prop === "migrate") {
        return (...args: unknown[]) => queued(() => value.apply(target, args));
      }
      return value.bind(target);
    },
  });
}
