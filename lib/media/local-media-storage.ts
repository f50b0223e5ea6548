/** The embedded media driver: one file per key under a root directory (default <DATA_DIR>/media). */
import { createReadStream } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { assertSafeKey } from "./media-key";
import type { MediaStorage } from "./media-storage";

const isMissing = (error: unknown) => (error as NodeJS.ErrnoException).code === "ENOENT";

export function createLocalStorage(root: string): MediaStorage {
  const fileOf = (key: string) => path.join(root, assertSafeKey(key));
  return {
    driver: "local",
    async put(key, bytes) {
      const file = fileOf(key);
      await fs.mkdir(path.dirname(file), { recursive: true });
      // Write then rename: a half-written file is never visible under its final name.
      await fs.writeFile(`${file}.part`, bytes);
      await fs.rename(`${file}.part`, file);
    },
    async get(key) {
      try {
        return new Uint8Array(await fs.readFile(fileOf(key)));
      } catch (error) {
        if (isMissing(error)) return null;
        throw error;
      }
    },
    async stream(key) {
      const file = fileOf(key);
      try {
        await fs.access(file);
      } catch (error) {
        if (isMissing(error)) return null;
        throw error;
      }
      return Readable.toWeb(createReadStream(file)) as ReadableStream<Uint8Array>;
    },
    async delete(key) {
      await fs.rm(fileOf(key), { force: true });
    },
  };
}
