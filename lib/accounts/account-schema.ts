/**
 * What a person may set on an account, validated once for the UI, the API and CSV import.
 * Publisher config is checked separately against the chosen publisher's own schema.
 */
import { z } from "zod";
import { publisherIds } from "@/lib/publishing/publishers/registry";
import { isValidTimezone } from "@/lib/workspaces/timezones";
import { webUrlSchema } from "@/lib/validation/web-url";

const label = z
  .string()
  .trim()
  .min(1)
  .max(24)
  .regex(/^[^,#<>]+$/, "No commas, # or angle brackets");
const labels = (max: number) =>
  z
    .array(label)
    .max(max)
    .transform((list) => [...new Set(list)]);

export const slotPattern = /^([01]\d|2[0-3]):[0-5]\d$/;

export const postingSlotsSchema = z
  .array(z.string().trim().regex(slotPattern, "Use HH:mm, e.g. 08:00 or 20:30"))
  .max(24, "At most 24 slots a day")
  .refine((slots) => new Set(slots).size === slots.length, "Each slot only once")
  .transform((slots) => [...slots].sort());

export const accountFieldsSchema = z
  .object({
    name: z.string().trim().min(1).max(60),
    redId: z
      .string()
      .trim()
      .min(1)
      .max(40)
      .regex(/^[A-Za-z0-9_.-]+$/, "Letters, digits, _ . - only"),
    avatarUrl: webUrlSchema(500).nullable(),
    bio: z.string().trim().max(500),
    groups: labels(10),
    tags: labels(20),
    personaNotes: z.string().trim().max(4000),
    timezone: z.string().refine(isValidTimezone, "Unknown time zone").nullable(),
    dailyPostCap: z.number().int().min(0, "0 or more (0 = no posting)").max(50),
    minSpacingMinutes: z.number().int().min(0).max(1440),
    postingSlots: postingSlotsSchema,
    publisherId: z.enum(publisherIds),
    /** The publisher's settings; secret fields left out or empty keep their stored value. */
    publisherConfig: z.record(z.string(), z.unknown()),
  })
  .strict();

export const createAccountSchema = accountFieldsSchema.partial().required({ name: true, redId: true }).strict();
export const updateAccountSchema = accountFieldsSchema.partial().strict();

export type CreateAccountInput = z.infer<typeof createAccountSchema>;
export type UpdateAccountInput = z.infer<typeof updateAccountSchema>;
