/**
 * Why the bridge refused a note, from its own words. xiaohongshu-mcp (handlers_api.go, commit
 * 6fb866a7) answers every failed publish with the same `error: "发布失败"` and puts the real
 * reason (err.Error()) in `details`; this file turns that reason into one of our failure codes,
 * which says what the person should do (lib/publishing/publish-failures.ts) and whether the
 * note may be live. Unknown reasons keep the bridge's text and are treated as retryable editor
 * hiccups only when they happened before the publish button was clicked.
 */
import type { PublishFailureCode } from "../publish-failures";

export type BridgeFailure = { code: PublishFailureCode; status: "rejected" | "retryable" | "unknown" };

const rules: { test: RegExp; failure: BridgeFailure }[] = [
  // service.go: `CalcTitleLength(title) > 20` before anything else.
  { test: /标题长度超过限制/, failure: { code: "BRIDGE_TITLE_TOO_WIDE", status: "rejected" } },
  // pkg/downloader: "下载图片失败 <url>: ..." (status not 200, not an image, timeout).
  { test: /下载图片失败/, failure: { code: "BRIDGE_IMAGE_DOWNLOAD_FAILED", status: "rejected" } },
  // service.go: schedule_at outside 1 h .. 14 days, or not RFC 3339.
  { test: /定时发布时间/, failure: { code: "BRIDGE_SCHEDULE_WINDOW", status: "rejected" } },
  // publish.go checkTitleMaxLength / checkContentMaxLength: the editor's own counter.
  { test: /长度超过限制|当前输入长度为/, failure: { code: "BRIDGE_TOO_LONG", status: "rejected" } },
  // Logged out, the creator site shows its login page: the upload tab is never found.
  { test: /没有找到发布 ?TAB|未登录|登录已过期|login/i, failure: { code: "BRIDGE_LOGGED_OUT", status: "rejected" } },
  { test: /视频文件不存在|必须提供本地视频文件/, failure: { code: "BRIDGE_VIDEO_MISSING", status: "rejected" } },
  { test: /设置原创声明失败/, failure: { code: "BRIDGE_ORIGINAL_FAILED", status: "rejected" } },
  // waitPublishSuccess: the button was clicked but the page did not move on. May be live.
  { test: /发布未确认成功/, failure: { code: "BRIDGE_NOT_CONFIRMED", status: "unknown" } },
];

/** The bridge's own error envelope (`code`, `details`) -> our failure code and outcome. */
export function classifyBridgeFailure(httpStatus: number, bridgeCode: string | undefined, details: string): BridgeFailure {
  if (httpStatus === 401 || httpStatus === 403) return { code: "BRIDGE_TOKEN_REFUSED", status: "rejected" };
  for (const rule of rules) if (rule.test.test(details)) return rule.failure;
  if (httpStatus === 400 || bridgeCode === "INVALID_REQUEST") return { code: "BRIDGE_INVALID_REQUEST", status: "rejected" };
  // Anything else failed inside the editor before the publish click (upload timeouts, a
  // button that never became clickable): nothing went out, so trying again is safe.
  return { code: "BRIDGE_EDITOR_FAILED", status: "retryable" };
}
