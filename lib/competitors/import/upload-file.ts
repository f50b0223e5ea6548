/**
 * An uploaded export streamed to a temp file under DATA_DIR (never held in memory), at most
 * 50 MB: the request body is cut off and the file removed as soon as it grows past the limit.
 * The file lives only while `use` runs; leftovers of crashed processes are swept after an hour.
 */
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";
import { maxImportBytes } from "./import-limits";

const staleMs = 60 * 60_000;

async function sweepStale(dir: string): Promise<void> {
  const now = Date.now();
  for (const name of await fs.promises.readdir(dir).catch(() => [])) {
    const file = path.join(dir, name);
    const stat = await fs.promises.stat(file).catch(() => null);
    if (stat && now - stat.mtimeMs > staleMs) await fs.promises.rm(file, { force: true });
  }
}

export async function withUploadedFile<T>(req: Request, use: (file: string) => Promise<T>): Promise<T> {
  if (Number(req.headers.get("content-length") ?? 0) > maxImportBytes) throw new AppError("IMPORT_TOO_LARGE");
  if (!req.body) throw new AppError("IMPORT_UNREADABLE", { detail: "empty body" });
  const dir = path.join(getEnv().dataDir, "tmp", "imports");
  await fs.promises.mkdir(dir, { recursive: true });
  await sweepStale(dir);
  const file = path.join(dir, `${randomUUID()}.upload`);
  try {
    let size = 0;
    const limit = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        size += chunk.length;
        done(size > maxImportBytes ? new AppError("IMPORT_TOO_LARGE") : null, chunk);
      },
    });
    await pipeline(Readable.fromWeb(req.body as WebReadableStream<Uint8Array>), limit, fs.createWriteStream(file, { mode: 0o600 }));
    if (size === 0) throw new AppError("IMPORT_UNREADABLE", { detail: "empty file" });
    return await use(file);
  } finally {
    await fs.promises.rm(file, { force: true });
  }
}
