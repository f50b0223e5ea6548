/**
 * POSTs to a DingTalk / WeCom robot and reads its answer: `{errcode: 0}` is success. A failure
 * becomes a ChannelSendError whose text is ours (the errcode number with our explanation, the
 * HTTP status, a classified transport reason): the robot's own errmsg or body is never passed
 * on, since a robot URL can point anywhere and its answer would be echoed to the admin.
 */
import { OutboundError, resilientFetch } from "@/lib/http/resilient-fetch";
import { ChannelSendError } from "./types";

const timeoutMs = 8_000;

// Documented errcodes of DingTalk custom robots and WeCom group robots.
const knownErrcodes: Record<number, string> = {
  300001: "the access token is not valid",
  300005: "the access token is not valid",
  310000: "the signature, keyword or IP check failed (robot security settings)",
  130101: "sending too fast (rate limited)",
  45009: "sending too fast (rate limited)",
  93000: "the webhook key is not valid",
  40035: "the robot refused the message format",
  40058: "the robot refused the message format",
};

/** Our text for a transport failure: what kind, never what the remote said. */
export function robotTransportFailure(error: unknown): string {
  if (!(error instanceof OutboundError)) return "robot unreachable";
  if (error.kind === "refused_address") return `robot address refused: ${error.message}`;
  if (error.kind === "redirect") return "the robot answered with a redirect, which is not followed: use the final URL";
  return `robot unreachable: ${error.message}`;
}

/** POSTs JSON to a robot webhook (not retried: a repeat could post twice) and checks its errcode. */
export async function postToRobot(url: string, body: unknown): Promise<void> {
  let res: Response;
  try {
    res = await resilientFetch(
      url,
      { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) },
      { timeoutMs, idempotent: false },
    );
  } catch (error) {
    throw new ChannelSendError(robotTransportFailure(error));
  }
  if (!res.ok) throw new ChannelSendError(`the robot answered HTTP ${res.status}`);
  let answer: { errcode?: unknown } | null = null;
  try {
    answer = JSON.parse(await res.text()) as { errcode?: unknown };
  } catch {
    answer = null;
  }
  if (!answer || typeof answer.errcode !== "number") throw new ChannelSendError("the robot answered without an errcode");
  if (answer.errcode !== 0)
    throw new ChannelSendError(`errcode ${answer.errcode}: ${knownErrcodes[answer.errcode] ?? "the robot refused the message"}`);
}
