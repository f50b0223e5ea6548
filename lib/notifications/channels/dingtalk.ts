/**
 * DingTalk custom robot: markdown message; in signed mode ("加签") every request carries
 * `timestamp` (ms) and `sign` = base64(HMAC-SHA256(secret, `${timestamp}\n${secret}`)).
 */
import { createHmac } from "node:crypto";
import { z } from "zod";
import { publisherUrlSchema } from "@/lib/publishing/publisher-url-schema";
import { postToRobot } from "./robot-response";
import type { ChannelSender } from "./types";

export const dingtalkDefaultUrl = "https://oapi.dingtalk.com/robot/send";

export const dingtalkConfigSchema = z
  .object({
    baseUrl: publisherUrlSchema.default(dingtalkDefaultUrl),
    accessToken: z.string().trim().min(1, "Required").max(200),
    signed: z.boolean().default(true),
    signSecret: z.string().trim().max(200).optional(),
  })
  .strict()
  .superRefine((value, ctx) => {
    if (value.signed && !value.signSecret)
      ctx.addIssue({ code: "custom", path: ["signSecret"], message: "Required when signing is on (the robot's SEC… secret)" });
  });

/** The base64 signature (not yet URL-encoded: URLSearchParams does that). */
export function dingtalkSign(secret: string, timestamp: number): string {
  return createHmac("sha256", secret).update(`${timestamp}\n${secret}`).digest("base64");
}

export function dingtalkUrl(config: z.infer<typeof dingtalkConfigSchema>, now = Date.now()): string {
  const url = new URL(config.baseUrl);
  url.searchParams.set("access_token", config.accessToken);
  if (config.signed && config.signSecret) {
    url.searchParams.set("timestamp", String(now));
    url.searchParams.set("sign", dingtalkSign(config.signSecret, now));
  }
  return url.toString();
}

export const dingtalk: ChannelSender<typeof dingtalkConfigSchema> = {
  kind: "dingtalk",
  configSchema: dingtalkConfigSchema,
  secretFields: ["accessToken", "signSecret"],
  async send(config, message) {
    await postToRobot(dingtalkUrl(config), { msgtype: "markdown", markdown: { title: message.title, text: message.markdown } });
  },
};
