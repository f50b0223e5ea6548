/**
 * The first-run setup: creates the first admin and workspace, once. A row in app_state is the
 * lock: a second attempt (or two racing browsers) hits its primary key and gets ALREADY_SET_UP.
 * Cheap refusals come first: "already set up" (one indexed read), then for a wizard attempt the
 * per-address limit and the setup code from the server log (lib/setup/setup-code.ts), so the
 * code cannot be guessed faster than the limit allows; only then the deliberately slow hash.
 */
import { count, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db, DbOrTx } from "@/db/client";
import { appState, members, users, workspaces } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { hashPassword } from "@/lib/auth/password";
import { emailSchema, localeSchema, passwordSchema, personNameSchema } from "@/lib/auth/schemas";
import type { Cache } from "@/lib/cache";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";
import { newId } from "@/lib/ids/new-id";
import { seedDemoWorkspace } from "@/lib/demo/seed-demo";
import { isRateLimited, recordAttempt } from "@/lib/security/rate-limit";
import { isSetupCode } from "./setup-code";
import { slugify } from "@/lib/workspaces/slugify";
import { defaultTimezone, isValidTimezone } from "@/lib/workspaces/timezones";

export const setupSchema = z
  .object({
    name: personNameSchema,
    email: emailSchema,
    password: passwordSchema,
    workspaceName: z.string().trim().min(1).max(60),
    timezone: z.string().default(defaultTimezone).refine(isValidTimezone, "Unknown time zone"),
    locale: localeSchema.default("zh-CN"),
    loadDemo: z.coerce.boolean().default(false),
  })
  .strict();

export type SetupInput = z.infer<typeof setupSchema>;

const setupKey = "setup_completed";

export async function isSetUp(db: DbOrTx): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(appState).where(eq(appState.key, setupKey));
  return row.n > 0;
}

/** An attempt from the wizard: counted against the client address, and it must carry the setup code. */
export type SetupAttempt = { cache: Cache; setupCode: string };

export async function completeSetup(db: Db, input: SetupInput, meta: { ip?: string; attempt?: SetupAttempt } = {}) {
  if (await isSetUp(db)) throw new AppError("ALREADY_SET_UP");
  if (meta.attempt) {
    const subject = meta.ip ?? "unknown";
    if (await isRateLimited(meta.attempt.cache, "setupAttempts", subject)) throw new AppError("RATE_LIMITED");
    await recordAttempt(meta.attempt.cache, "setupAttempts", subject);
    if (!isSetupCode(meta.attempt.setupCode, getEnv().authSecret))
      throw new AppError("SETUP_CODE_INVALID", { fieldErrors: { setupCode: [] } });
  }
  const passwordHash = await hashPassword(input.password);
  const userId = newId("usr");
  const workspaceId = newId("ws");
  const slug = slugify(input.workspaceName);

  await db.transaction(async (tx) => {
    const inserted = await tx.insert(appState).values({ key: setupKey, value: new Date().toISOString() }).onConflictDoNothing().returning();
    if (inserted.length === 0) throw new AppError("ALREADY_SET_UP");

    await tx.insert(users).values({ id: userId, email: input.email, name: input.name, passwordHash, locale: input.locale });
    await tx.insert(workspaces).values({
      id: workspaceId,
      slug,
      name: input.workspaceName,
      timezone: input.timezone,
      locale: input.locale,
    });
    await tx.insert(members).values({ id: newId("mem"), workspaceId, userId, role: "admin" });
    await recordAudit(
      tx,
      { userId, userName: input.name, workspaceId, ip: meta.ip },
      {
        action: "setup.complete",
        targetType: "workspace",
        targetId: workspaceId,
        after: { name: input.workspaceName, timezone: input.timezone, locale: input.locale },
      },
    );
  });

  if (input.loadDemo) await seedDemoWorkspace(db, { workspaceId, adminUserId: userId, adminName: input.name, timezone: input.timezone });
  return { userId, workspaceId, slug };
}
