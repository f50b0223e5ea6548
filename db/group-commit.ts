/**
 * Group commit: callers that arrive while a batch is being written join the next batch, so N
 * concurrent callers share one transaction (one fsync on the embedded file, one round trip on a
 * server) instead of N. A lone caller waits one `setImmediate` and is written alone.
 *
 * `write` answers each item on its own (`{ ok: false, error }` rejects only that caller); if
 * `write` itself throws, every caller in the batch gets the error (nothing of it was committed).
 */
export type ItemResult<O> = { ok: true; value: O } | { ok: false; error: unknown };

type Waiting<I, O> = { item: I; resolve: (value: O) => void; reject: (error: unknown) => void };

export function groupCommit<I, O>(write: (items: I[]) => Promise<ItemResult<O>[]>, maxBatch = 64): (item: I) => Promise<O> {
  const queue: Waiting<I, O>[] = [];
  let draining = false;

  async function drain() {
    while (queue.length) {
      const batch = queue.splice(0, maxBatch);
      try {
        const results = await write(batch.map((w) => w.item));
        batch.forEach((w, i) => {
          const result = results[i];
          if (result?.ok) w.resolve(result.value);
          else w.reject(result ? result.error : new Error("group commit: no result for this item"));
        });
      } catch (error) {
        for (const w of batch) w.reject(error);
      }
    }
    draining = false;
  }

  return (item) =>
    new Promise<O>((resolve, reject) => {
      queue.push({ item, resolve, reject });
      if (!draining) {
        draining = true;
        setImmediate(drain);
      }
    });
}

/** Runs `fn` and captures its result or error as an ItemResult. */
export async function settle<O>(fn: () => Promise<O>): Promise<ItemResult<O>> {
  try {
    return { ok: true, value: await fn() };
  } catch (error) {
    return { ok: false, error };
  }
}
