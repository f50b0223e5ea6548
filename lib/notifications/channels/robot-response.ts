/** Reads a DingTalk / WeCom robot answer: `{errcode: 0}` is success, anything else is its errmsg. */
import { OutboundError, resilientFetch } from "@/lib/http/resilient-fetch";
import { ChannelSendError } from "./types";

const timeoutMs = 8_000;

/** POSTs JSON to a robot webhook (not retried: a repeat could post twice) and checks its errcode. */
export async function postToRobot(url: string, body: unknown): Promise<void> {
  let res: Response;
  try {
    res = await resilientFetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) }, { timeoutMs, idempotent: false });
  } catch (error) {
    throw new ChannelSendError(error instanceof OutboundError ? `robot unreachable: ${error.message}` : "robot unreachable");
  }
  const text = await res.text();
  let answer: { errcode?: unknown; errmsg?: unknown } | null = null;
  try {
    answer = JSON.parse(text) as { errcode?: unknown; errmsg?: unknown };
  } catch {
    answer = null;
  }
  if (!res.ok) throw new ChannelSendError(`HTTP ${res.status}${answer?.errmsg ? `: ${String(answer.errmsg)}` : ""}`);
  if (!answer || typeof answer.errcode !== "number") throw new ChannelSendError("robot answered without an errcode");
  if (answer.errcode !== 0) throw new ChannelSendError(`errcode ${answer.errcode}: ${String(answer.errmsg ?? "")}`.slice(0, 300));
}
