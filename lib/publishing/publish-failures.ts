/**
 * Every reason a publish can fail, with what a person reads (zh-CN first, en) and the one thing
 * to do about it: retry, fix the note, log the account in again, or fix the settings. Stored as
 * the job's `lastErrorCode`; the remote's own words (the bridge's `details`) are kept beside it
 * in `lastErrorMessage` and shown under the translation.
 */
import type { Locale } from "@/lib/errors/catalog";

export type FailureRemedy = "retry" | "fix_note" | "relogin" | "fix_settings" | "check_account";
type Entry = { remedy: FailureRemedy; message: Record<Locale, string> };

export const publishFailures = {
  BRIDGE_TITLE_TOO_WIDE: {
    remedy: "fix_note",
    message: {
      "zh-CN": "标题超过 20 字（桥接按 UTF-16 计：表情一般算 2 字）",
      en: "The title is wider than 20 (the bridge counts UTF-16 units: an emoji usually counts 2)",
    },
  },
  BRIDGE_TOO_MANY_TAGS: {
    remedy: "fix_note",
    message: { "zh-CN": "话题超过 10 个，桥接只会发出前 10 个", en: "More than 10 topics: the bridge would send only the first 10" },
  },
  BRIDGE_NO_IMAGE: {
    remedy: "fix_note",
    message: { "zh-CN": "图文笔记至少需要 1 张可下载的图片", en: "An image note needs at least one image the bridge can fetch" },
  },
  BRIDGE_TOO_LONG: { remedy: "fix_note", message: { "zh-CN": "小红书编辑器提示内容超长", en: "RED's editor says the text is too long" } },
  BRIDGE_SCHEDULE_WINDOW: {
    remedy: "fix_note",
    message: { "zh-CN": "定时发布时间须在 1 小时后、14 天内", en: "A scheduled time must be 1 hour to 14 days ahead" },
  },
  BRIDGE_INVALID_REQUEST: {
    remedy: "fix_note",
    message: { "zh-CN": "桥接认为请求内容不完整", en: "The bridge found the request incomplete" },
  },
  BRIDGE_IMAGE_DOWNLOAD_FAILED: {
    remedy: "fix_settings",
    message: {
      "zh-CN": "桥接下载图片失败：确认 APP_URL 能从桥接所在机器访问",
      en: "The bridge could not download an image: check that APP_URL is reachable from the bridge's machine",
    },
  },
  BRIDGE_VIDEO_MISSING: {
    remedy: "fix_settings",
    message: { "zh-CN": "桥接所在机器上找不到视频文件", en: "The video file is not on the bridge's machine" },
  },
  BRIDGE_LOGGED_OUT: {
    remedy: "relogin",
    message: { "zh-CN": "账号在桥接上已退出登录，请重新扫码", en: "The account is logged out on the bridge: scan the QR code again" },
  },
  BRIDGE_TOKEN_REFUSED: { remedy: "fix_settings", message: { "zh-CN": "桥接拒绝了访问令牌", en: "The bridge refused the token" } },
  BRIDGE_ORIGINAL_FAILED: {
    remedy: "retry",
    message: { "zh-CN": "原创声明设置失败，已中止发布", en: "Declaring the note original failed, so it was not published" },
  },
  BRIDGE_EDITOR_FAILED: {
    remedy: "retry",
    message: { "zh-CN": "小红书编辑器操作失败（未发出），可重试", en: "RED's editor failed before publishing (nothing went out): retry" },
  },
  BRIDGE_NOT_CONFIRMED: {
    remedy: "check_account",
    message: {
      "zh-CN": "已点击发布但未确认成功：请先到账号主页查看",
      en: "Publish was clicked but not confirmed: check the account before retrying",
    },
  },
  BRIDGE_TIMEOUT: {
    remedy: "check_account",
    message: {
      "zh-CN": "超过预计时长仍未收到桥接应答：笔记可能已发出",
      en: "No answer from the bridge within the expected time: the note may be live",
    },
  },
  BRIDGE_UNREACHABLE: {
    remedy: "retry",
    message: {
      "zh-CN": "连不上桥接（未发出），稍后自动重试",
      en: "The bridge could not be reached (nothing went out): retried automatically",
    },
  },
  PUBLISH_REJECTED: { remedy: "fix_settings", message: { "zh-CN": "发布被拒绝", en: "Publishing was refused" } },
  PUBLISH_RETRYABLE: {
    remedy: "retry",
    message: { "zh-CN": "暂时失败（未发出），稍后自动重试", en: "A temporary failure (nothing went out): retried automatically" },
  },
  OUTCOME_UNKNOWN: {
    remedy: "check_account",
    message: { "zh-CN": "结果未知：笔记可能已发出", en: "Outcome unknown: the note may be live" },
  },
} satisfies Record<string, Entry>;

export type PublishFailureCode = keyof typeof publishFailures;

export function isPublishFailureCode(code: string | null | undefined): code is PublishFailureCode {
  return !!code && Object.hasOwn(publishFailures, code);
}
