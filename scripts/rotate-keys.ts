/**
 * `npm run keys:rotate`: adds an encryption key and re-encrypts every stored secret with it.
 * `npm run keys:rotate -- --print-new-key`: prints a fresh `id:base64key` for ENCRYPTION_KEYS.
 * Safe to interrupt and run again. See lib/security/crypto/rotate-keys.ts.
 */
import { getDb } from "@/lib/database";
import { migrateDb } from "@/db/migrate";
import { getKeyRing } from "@/lib/security/crypto/get-key-ring";
import { formatKeyRing, generateKey } from "@/lib/security/crypto/key-ring";
import { rotateKeys } from "@/lib/security/crypto/rotate-keys";

async function main(): Promise<number> {
  if (process.argv.includes("--print-new-key")) {
    const key = generateKey(getKeyRing().byId.keys());
    console.log(formatKeyRing([key]));
    console.error("Put this entry FIRST in ENCRYPTION_KEYS (keep the old ones after it), restart, then run npm run keys:rotate.");
    return 0;
  }
  const db = getDb();
  await migrateDb(db);
  const outcome = await rotateKeys(db, {
    log: (line) => console.log(`keys:rotate: ${line}`),
    onProgress: (p) =>
      console.log(
        `keys:rotate: ${p.column}: scanned ${p.scanned}, re-encrypted ${p.reencrypted}, already current ${p.alreadyCurrent}, failed ${p.failed}`,
      ),
  });
  const { result } = outcome;
  console.log(
    `keys:rotate: done. current key ${outcome.currentKeyId}; re-encrypted ${result.reencrypted}, already current ${result.alreadyCurrent}, failed ${result.failed.length}`,
  );
  for (const f of result.failed) console.error(`keys:rotate: FAILED ${f.column} id=${f.id}: ${f.reason}`);
  if (result.failed.length === 0) console.log("keys:rotate: every secret is on the current key; older keys may now be removed.");
  return result.failed.length ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`keys:rotate: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
