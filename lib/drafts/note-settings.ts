/**
 * The workspace's RED note rules (see docs RED.md): limits, bullet style, banned words and
 * whether approval is required before scheduling. Defaults apply until a workspace saves its own.
 */
import { z } from "zod";

import { bulletStyles } from "@/db/schema/draft-values";

export { bulletStyles, type BulletStyle } from "@/db/schema/draft-values";

export const noteSettingsSchema = z
  .object({
    titleLimit: z.number().int().min(1).max(100),
    bodyLimit: z.number().int().min(1).max(20_000),
    maxImages: z.number().int().min(1).max(50),
    maxTopics: z.number().int().min(0).max(50),
    bulletStyle: z.enum(bulletStyles),
    bannedWords: z.array(z.string().trim().min(1).max(40)).max(500),
    approvalRequired: z.boolean(),
  })
  .strict();

export type NoteSettings = z.infer<typeof noteSettingsSchema>;

export const defaultNoteSettings: NoteSettings = {
  titleLimit: 20,
  bodyLimit: 1000,
  maxImages: 18,
  maxTopics: 10,
  bulletStyle: "emoji",
  bannedWords: [],
  approvalRequired: true,
};
