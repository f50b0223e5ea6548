/**
 * The embedded database file holds every password hash, session version and encrypted secret:
 * only the server's user may read it. Created 0600 before SQLite opens it (its -wal and -shm
 * files take the database file's mode), in a 0700 folder; an older install's 0644 file is
 * tightened on the next start.
 */
import fs from "node:fs";
import path from "node:path";

export function preparePrivateFile(file: string): void {
  const dir = path.dirname(file);
  if (!fs.existsSync(dir)) fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  fs.closeSync(fs.openSync(file, "a", 0o600));
  for (const f of [file, `${file}-wal`, `${file}-shm`]) {
    try {
      fs.chmodSync(f, 0o600);
    } catch {
      // -wal and -shm exist only while a connection is open.
    }
  }
}
