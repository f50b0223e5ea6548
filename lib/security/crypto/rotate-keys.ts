/**
 * Key rotation (`npm run keys:rotate`). With the generated key file: puts a new key first in
 * the file, then re-encrypts every secret with it. With ENCRYPTION_KEYS: the operator puts the
 * new key first in the variable (`--print-new-key` makes one) and this re-encrypts to it.
 * Interrupted? Run it again: a pending rotation (secrets not on the current key) is resumed
 * instead of adding yet another key. Once nothing is pending, old keys can be removed.
 * Audit: one `security.keys_rotate` event in each workspace whose secrets this run re-encrypted
 * (or failed to), with that workspace's counts, so it shows in the workspace's audit log. A
 * run that touches no workspace's secret (nothing stored yet) leaves no event; the CLI says so.
 */
import type { Db } from "@/db/client";
import { recordAudit } from "@/lib/audit/record-audit";
import { getEnv } from "@/lib/env";
import { writeKeyRingFile } from "@/lib/security/local-secrets";
import { getKeyRing, resetKeyRingCache } from "./get-key-ring";
import { formatKeyRing, generateKey, keysOf } from "./key-ring";
import { countPendingSecrets, reencryptSecrets, type ReencryptProgress, type ReencryptResult } from "./reencrypt-secrets";

export type RotateOptions = { onProgress?: (p: ReencryptProgress) => void; log?: (line: string) => void; maxRows?: number };
export type RotateOutcome = { source: "env" | "file"; currentKeyId: string; addedKey: boolean; resumed: boolean; result: ReencryptResult };

export async function rotateKeys(db: Db, options: RotateOptions = {}): Promise<RotateOutcome> {
  const log = options.log ?? (() => {});
  const { encryption } = getEnv();
  let ring = getKeyRing();
  const pending = await countPendingSecrets(db, ring);
  let addedKey = false;
  if (encryption.source === "file" && pending === 0) {
    const next = generateKey(ring.byId.keys());
    writeKeyRingFile(encryption.file, formatKeyRing([next, ...keysOf(ring)]));
    resetKeyRingCache();
    ring = getKeyRing();
    addedKey = true;
    log(`added key ${next.id} to ${encryption.file}; it is now the current key`);
  } else if (pending > 0) {
    log(`resuming: ${pending} secret(s) not yet on the current key ${ring.current.id}`);
  } else {
    log(`ENCRYPTION_KEYS is set: re-encrypting to its first key ${ring.current.id} (put a new key first to rotate)`);
  }
  const result = await reencryptSecrets(db, ring, { onProgress: options.onProgress, maxRows: options.maxRows });
  const complete = !result.stopped && result.failed.length === 0;
  await db.transaction(async (tx) => {
    for (const [workspaceId, counts] of Object.entries(result.byWorkspace)) {
      await recordAudit(
        tx,
        { userId: null, userName: "keys:rotate", workspaceId },
        {
          action: "security.keys_rotate",
          targetType: "key_ring",
          targetId: ring.current.id,
          after: { source: encryption.source, addedKey, reencrypted: counts.reencrypted, failed: counts.failed, complete },
        },
      );
    }
  });
  if (!Object.keys(result.byWorkspace).length) log("no workspace had secrets to re-encrypt: nothing audited");
  return { source: encryption.source, currentKeyId: ring.current.id, addedKey, resumed: pending > 0, result };
}
