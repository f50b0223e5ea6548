/** Sandbox publisher: records what would have been published (table sandbox_publications). */
import { z } from "zod";
import type { DbOrTx } from "@/db/client";
import { sandboxPublications } from "@/db/schema";
import { newId } from "@/lib/ids/new-id";
import type { Publisher } from "./types";

const configSchema = z.object({}).strict();

export const sandboxPublisher: Publisher<typeof configSchema> = {
  id: "sandbox",
  displayName: { "zh-CN": "沙盒（不真正发布）", en: "Sandbox (records only)" },
  description: {
    "zh-CN": "只记录将要发布的内容，适合演示与演练。",
    en: "Records what would have been published; for demos and dry runs.",
  },
  configSchema,
  secretFields: [],

  async checkHealth() {
    return { ok: true, code: "ok", loggedIn: null, message: "Sandbox is always available" };
  },

  async publish(note, _config, runtime) {
    const id = newId("sbx");
    // Nothing leaves the process: the "publication" is this row, written by the caller together
    // with the outcome (see OutcomeRecord).
    const record = async (db: DbOrTx) => {
      await db.insert(sandboxPublications).values({
        id,
        workspaceId: runtime.workspaceId,
        accountId: runtime.accountId,
        kind: note.kind,
        title: note.title,
        payload: note as unknown as Record<string, unknown>,
      });
    };
    return { status: "published", remoteId: id, url: null, record };
  },
};
