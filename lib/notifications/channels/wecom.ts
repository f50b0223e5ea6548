/** WeCom (企业微信) group robot: markdown message to the webhook identified by its key. */
import { z } from "zod";
import { publisherUrlSchema } from "@/lib/publishing/publisher-url-schema";
import { postToRobot } from "./robot-response";
import type { ChannelSender } from "./types";

export const wecomDefaultUrl = "https://qyapi.weixin.qq.com/cgi-bin/webhook/send";

export const wecomConfigSchema = z
  .object({
    baseUrl: publisherUrlSchema.default(wecomDefaultUrl),
    key: z.string().trim().min(1, "Required").max(200),
  })
  .strict();

export const wecom: ChannelSender<typeof wecomConfigSchema> = {
  kind: "wecom",
  configSchema: wecomConfigSchema,
  secretFields: ["key"],
  async send(config, message) {
    const url = new URL(config.baseUrl);
    url.searchParams.set("key", config.key);
    // WeCom markdown has no title field: the title is the first line of the content.
    await postToRobot(url.toString(), { msgtype: "markdown", markdown: { content: message.markdown } });
  },
};
