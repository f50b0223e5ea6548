import { execFile } from "node:child_process";
import fs from "node:fs";
import { promisify } from "node:util";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { accounts, auditEvents, workspaces } from "@/db/schema";
import { getEnv } from "@/lib/env";
import { getKeyRing, resetKeyRingCache } from "@/lib/security/crypto/get-key-ring";
import { countPendingSecrets } from "@/lib/security/crypto/reencrypt-secrets";
import { rotateKeys } from "@/lib/security/crypto/rotate-keys";
import { decryptSecret, encryptSecret, keyIdOf } from "@/lib/security/crypto/secret-box";
import { setUpWorkspace } from "../support/fixtures";
import { migratedDb } from "../support/test-db";

const run = promisify(execFile);

describe("key rotation (npm run keys:rotate)", () => {
  let db: Db;
  let workspaceId: string;
  beforeAll(async () => {
    db = await migratedDb();
    workspaceId = (await setUpWorkspace(db)).workspaceId;
    const ring = getKeyRing();
    for (let i = 0; i < 30; i++) {
      await db.insert(accounts).values({
        id: `acc_rot_${String(i).padStart(2, "0")}`,
        workspaceId,
        name: `轮换 ${i}`,
        redId: `rot_${i}`,
        publisherSecrets: encryptSecret(ring, JSON.stringify({ token: `secret-${i}` })),
      });
    }
  });

  async function secrets() {
    const rows = await db.select({ id: accounts.id, value: accounts.publisherSecrets }).from(accounts);
    return rows.filter((r) => r.value).map((r) => ({ id: r.id, value: r.value! }));
  }

  it("created the key file with mode 0600 on first use", () => {
    const { encryption } = getEnv();
    if (encryption.source !== "file") throw new Error("expected the key file");
    expect(fs.statSync(encryption.file).mode & 0o777).toBe(0o600);
    expect(getKeyRing().current.id).toBe("k1");
  });

  it("resumes an interrupted rotation instead of adding another key, and everything stays readable", async () => {
    const partial = await rotateKeys(db, { maxRows: 12 });
    expect(partial).toMatchObject({ addedKey: true, currentKeyId: "k2", result: { reencrypted: 12, stopped: true } });
    expect(await countPendingSecrets(db, getKeyRing())).toBe(18);

    const resumed = await rotateKeys(db);
    expect(resumed).toMatchObject({
      addedKey: false,
      resumed: true,
      currentKeyId: "k2",
      result: { reencrypted: 18, alreadyCurrent: 12, stopped: false },
    });
    const ring = getKeyRing();
    for (const row of await secrets()) {
      expect(keyIdOf(row.value)).toBe("k2");
      expect(JSON.parse(decryptSecret(ring, row.value)).token).toBe(`secret-${Number(row.id.slice(-2))}`);
    }
  });

  it("runs as a CLI with progress, adds k3, audits, and old values need no old key afterwards", async () => {
    const env = { ...process.env, DATA_DIR: getEnv().dataDir, DATABASE_URL: getEnv().database.url };
    const { stdout } = await run("npx", ["tsx", "scripts/rotate-keys.ts"], { env, cwd: process.cwd() });
    expect(stdout).toMatch(/added key k3/);
    expect(stdout).toMatch(/accounts\.publisher_secrets: scanned 30, re-encrypted 30/);
    resetKeyRingCache();
    const ring = getKeyRing();
    expect(ring.current.id).toBe("k3");
    // Drop the old keys: every secret must still decrypt with k3 alone.
    const onlyK3 = { current: ring.current, byId: new Map([["k3", ring.current]]) };
    for (const row of await secrets()) expect(decryptSecret(onlyK3, row.value)).toMatch(/secret-\d+/);

    const events = await db.select().from(auditEvents).where(eq(auditEvents.action, "security.keys_rotate"));
    expect(events).toHaveLength(3);
    expect(events.map((e) => e.workspaceId)).toEqual([workspaceId, workspaceId, workspaceId]);
    expect(events.at(-1)?.changes?.after).toMatchObject({ reencrypted: 30, complete: true });
    expect(JSON.stringify(events)).not.toMatch(/secret-\d/);
  });

  it("audits in each workspace whose secrets it re-encrypted, with that workspace's counts, and nowhere else", async () => {
    const [other] = await db.insert(workspaces).values({ id: "ws_rot_other", slug: "rot-other", name: "Other brand" }).returning();
    await db.insert(workspaces).values({ id: "ws_rot_empty", slug: "rot-empty", name: "No secrets" });
    const ring = getKeyRing();
    for (let i = 0; i < 4; i++) {
      await db.insert(accounts).values({
        id: `acc_rot_other_${i}`,
        workspaceId: other.id,
        name: `别家 ${i}`,
        redId: `rot_other_${i}`,
        publisherSecrets: encryptSecret(ring, JSON.stringify({ token: `secret-${i}` })),
      });
    }
    const before = (await db.select().from(auditEvents).where(eq(auditEvents.action, "security.keys_rotate"))).length;
    const outcome = await rotateKeys(db);
    expect(outcome.result.reencrypted).toBe(34);
    const events = (await db.select().from(auditEvents).where(eq(auditEvents.action, "security.keys_rotate"))).slice(before);
    expect(events.map((e) => [e.workspaceId, (e.changes?.after as { reencrypted: number }).reencrypted]).sort()).toEqual(
      [
        [other.id, 4],
        [workspaceId, 30],
      ].sort(),
    );
    expect(events.every((e) => e.targetId === outcome.currentKeyId && e.actorId === null)).toBe(true);
  });
});
