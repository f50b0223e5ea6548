/**
 * Secrets generated on first start for the embedded default: random bytes kept in the data
 * directory with mode 0600, so restarts keep sessions and signatures valid.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

export function readOrCreateSecret(dataDir: string, name: string, bytes = 32): string {
  const file = path.join(dataDir, name);
  try {
    return fs.readFileSync(file, "utf8").trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const secret = randomBytes(bytes).toString("base64url");
  try {
    // "wx" fails if another process created it first; then we read theirs.
    fs.writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: "wx" });
    return secret;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return fs.readFileSync(file, "utf8").trim();
    throw error;
  }
}

/**
 * The embedded default key ring file (`id:base64key,...`, current first), created with one
 * fresh key on first use. Written atomically (temp file + rename) so an interrupted rotation
 * never leaves a half-written ring.
 */
export function readOrCreateKeyRingFile(file: string, createText: () => string): string {
  try {
    return fs.readFileSync(file, "utf8").trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const text = createText();
  try {
    fs.writeFileSync(file, `${text}\n`, { mode: 0o600, flag: "wx" });
    return text;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return fs.readFileSync(file, "utf8").trim();
    throw error;
  }
}

export function writeKeyRingFile(file: string, text: string): void {
  const temp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temp, `${text}\n`, { mode: 0o600 });
  fs.renameSync(temp, file);
}
