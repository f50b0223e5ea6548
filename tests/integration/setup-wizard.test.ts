import { count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import path from "node:path";
import { createDb, type Db } from "@/db/client";
import { migrateDb } from "@/db/migrate";
import { createInProcessCache } from "@/lib/cache/in-process-cache";
import { setupCodeFor } from "@/lib/setup/setup-code";
import { getEnv } from "@/lib/env";
import { isRateLimited, recordAttempt } from "@/lib/security/rate-limit";
import { accounts, auditEvents, members, users } from "@/db/schema";
import { completeSetup, isSetUp, setupSchema } from "@/lib/setup/complete-setup";
import { migratedDb } from "../support/test-db";

const input = setupSchema.parse({
  name: "张伟",
  email: "Zhang.Wei@Example.com",
  password: "a-good-password",
  workspaceName: "小鹿品牌内容组",
  loadDemo: true,
});

describe("first-run setup", () => {
  let db: Db;
  beforeAll(async () => {
    db = await migratedDb();
  });

  it("defaults to Asia/Shanghai and zh-CN, and rejects unknown zones and fields", () => {
    expect(input.timezone).toBe("Asia/Shanghai");
    expect(input.locale).toBe("zh-CN");
    expect(setupSchema.safeParse({ ...input, timezone: "Mars/Olympus" }).success).toBe(false);
    expect(setupSchema.safeParse({ ...input, isAdmin: true }).success).toBe(false);
    expect(setupSchema.safeParse({ ...input, password: "short" }).success).toBe(false);
  });

  it("creates the admin, the workspace and the demo data, once, even when two run at the same time", async () => {
    expect(await isSetUp(db)).toBe(false);
    const results = await Promise.allSettled([completeSetup(db, input), completeSetup(db, { ...input, email: "other@example.com" })]);
    const ok = results.filter((r) => r.status === "fulfilled");
    const refused = results.filter((r) => r.status === "rejected");
    expect(ok).toHaveLength(1);
    expect(refused).toHaveLength(1);
    expect((refused[0] as PromiseRejectedResult).reason).toMatchObject({ code: "ALREADY_SET_UP" });
    expect(await isSetUp(db)).toBe(true);

    const winner = (ok[0] as PromiseFulfilledResult<{ userId: string }>).value;
    const [admin] = await db.select().from(users).where(eq(users.id, winner.userId));
    expect(await db.select().from(users)).toHaveLength(1 + 4); // the admin + the demo members
    expect(admin?.name).toBe("张伟");
    expect(admin?.passwordHash).toMatch(/^\$argon2id\$/);
    const [{ n: demoAccounts }] = await db.select({ n: count() }).from(accounts);
    expect(demoAccounts).toBe(8);
    const adminRole = await db.select().from(members).where(eq(members.userId, admin!.id));
    expect(adminRole[0]?.role).toBe("admin");
    const events = await db.select().from(auditEvents);
    expect(events.map((e) => e.action)).toEqual(expect.arrayContaining(["setup.complete", "demo.seed"]));
    expect(JSON.stringify(events)).not.toContain("a-good-password");
  });

  it("refuses to run again", async () => {
    await expect(completeSetup(db, { ...input, email: "third@example.com" })).rejects.toMatchObject({ code: "ALREADY_SET_UP" });
  });

  it("refuses a finished setup before anything else: the refusals never count against the address's limit", async () => {
    const cache = createInProcessCache();
    for (let i = 0; i < 20; i++) {
      const attempt = { cache, setupCode: setupCodeFor(getEnv().authSecret) };
      await expect(completeSetup(db, { ...input, email: `again-${i}@example.com` }, { ip: "192.0.2.1", attempt })).rejects.toMatchObject({
        code: "ALREADY_SET_UP",
      });
    }
    expect(await isRateLimited(cache, "setupAttempts", "192.0.2.1")).toBe(false);
  });

  it("rate-limits setup attempts per address before setup is done", async () => {
    const fresh = createDb(`file:${path.join(getEnv().dataDir, "setup-limit.db")}`);
    await migrateDb(fresh);
    const cache = createInProcessCache();
    const setupCode = setupCodeFor(getEnv().authSecret);
    for (let i = 0; i < 10; i++) await recordAttempt(cache, "setupAttempts", "192.0.2.7");
    await expect(
      completeSetup(fresh, { ...input, loadDemo: false }, { ip: "192.0.2.7", attempt: { cache, setupCode } }),
    ).rejects.toMatchObject({ code: "RATE_LIMITED" });
    expect(await isSetUp(fresh)).toBe(false);
    // A wrong code is refused and counts: guessing it is as slow as the limit.
    for (let i = 0; i < 9; i++) {
      await expect(
        completeSetup(fresh, { ...input, loadDemo: false }, { ip: "192.0.2.8", attempt: { cache, setupCode: "AAAA-BBBB-CCCC" } }),
      ).rejects.toMatchObject({ code: "SETUP_CODE_INVALID" });
    }
    expect(await isSetUp(fresh)).toBe(false);
    await expect(
      completeSetup(fresh, { ...input, loadDemo: false }, { ip: "192.0.2.8", attempt: { cache, setupCode } }),
    ).resolves.toMatchObject({ slug: expect.any(String) });
    expect(await isSetUp(fresh)).toBe(true);
    const [{ n }] = await db.select({ n: count() }).from(users).where(eq(users.email, "third@example.com"));
    expect(n).toBe(0);
  });
});
