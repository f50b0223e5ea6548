/** Until setup is done, each server start prints the setup code and where to use it (lib/setup/setup-code.ts). */
import type { Db } from "@/db/client";
import type { Env } from "@/lib/env";
import type { Logger } from "pino";
import { isSetUp } from "./complete-setup";
import { setupCodeFor } from "./setup-code";

export async function announceSetupCode(db: Db, env: Env, logger: Logger): Promise<void> {
  if (await isSetUp(db)) return;
  const code = setupCodeFor(env.authSecret);
  logger.warn(
    { setupUrl: `${env.appUrl}/setup` },
    `首次设置代码 / setup code: ${code}  (open ${env.appUrl}/setup to create the first admin)`,
  );
}
