/**
 * Every error code the product can answer with: its HTTP status, and what a person reads in
 * zh-CN and en, with a suggestion of what to do next. The only place such text lives (with the
 * memory domain's codes in memory-errors.ts, spread in here).
 */
import { memoryErrors } from "./memory-errors";

export type Locale = "zh-CN" | "en";
type Text = Record<Locale, string>;
export type ErrorEntry = { status: number; message: Text; suggestion: Text };

export const errorCatalog = {
  INVALID_JSON: {
    status: 400,
    message: { "zh-CN": "请求体不是有效的 JSON。", en: "The request body is not valid JSON." },
    suggestion: { "zh-CN": "检查 JSON 格式后重试。", en: "Check the JSON syntax and try again." },
  },
  VALIDATION_FAILED: {
    status: 400,
    message: { "zh-CN": "提交的内容有误。", en: "Some fields are not valid." },
    suggestion: { "zh-CN": "按字段提示修改后重试。", en: "Fix the fields listed and try again." },
  },
  PAYLOAD_TOO_LARGE: {
    status: 413,
    message: { "zh-CN": "请求体过大（上限 1 MB）。", en: "The request body is too large (limit 1 MB)." },
    suggestion: { "zh-CN": "缩小内容，或分批提交。", en: "Send less data, or split it into batches." },
  },
  UNAUTHENTICATED: {
    status: 401,
    message: { "zh-CN": "请先登录。", en: "You need to sign in." },
    suggestion: {
      "zh-CN": "登录后重试，或在请求头中携带有效的 API 令牌。",
      en: "Sign in, or send a valid API token in the Authorization header.",
    },
  },
  INVALID_CREDENTIALS: {
    status: 401,
    message: { "zh-CN": "邮箱或密码不正确。", en: "Email or password is incorrect." },
    suggestion: {
      "zh-CN": "检查后重试；忘记密码请联系管理员。",
      en: "Check them and try again; ask an admin if you forgot your password.",
    },
  },
  INVALID_SIGNATURE: {
    status: 401,
    message: { "zh-CN": "请求签名无效。", en: "The request signature is not valid." },
    suggestion: { "zh-CN": "确认签名密钥与时钟正确。", en: "Check the signing keys and the clock." },
  },
  FORBIDDEN: {
    status: 403,
    message: { "zh-CN": "你没有执行此操作的权限。", en: "You do not have permission to do this." },
    suggestion: { "zh-CN": "请联系工作区管理员开通权限。", en: "Ask a workspace admin for access." },
  },
  CROSS_ORIGIN: {
    status: 403,
    message: { "zh-CN": "请求来自其他网站，已拒绝。", en: "This request came from another site and was refused." },
    suggestion: {
      "zh-CN": "请在 RedMatrix 页面内操作；外部程序请使用 API 令牌。",
      en: "Act from within RedMatrix; external programs should use an API token.",
    },
  },
  UNSUPPORTED_MEDIA_TYPE: {
    status: 415,
    message: { "zh-CN": "请求体格式不受支持，需要 JSON。", en: "Unsupported body format: JSON is required." },
    suggestion: {
      "zh-CN": "设置请求头 Content-Type: application/json 后重试。",
      en: "Send the header Content-Type: application/json and try again.",
    },
  },
  NOT_FOUND: {
    status: 404,
    message: { "zh-CN": "找不到该内容。", en: "Not found." },
    suggestion: { "zh-CN": "它可能已被删除，或你无权查看。", en: "It may have been deleted, or you may not have access to it." },
  },
  CONFLICT: {
    status: 409,
    message: { "zh-CN": "内容已被他人修改或已存在。", en: "This conflicts with the current state." },
    suggestion: { "zh-CN": "刷新后再试。", en: "Reload and try again." },
  },
  EMAIL_TAKEN: {
    status: 409,
    message: { "zh-CN": "该邮箱已是工作区成员。", en: "This email already belongs to a member." },
    suggestion: { "zh-CN": "换一个邮箱，或修改现有成员。", en: "Use another email, or edit the existing member." },
  },
  SETUP_CODE_INVALID: {
    status: 403,
    message: { "zh-CN": "设置代码不正确。", en: "The setup code is not correct." },
    suggestion: {
      "zh-CN": "设置代码打印在服务器启动日志中（“首次设置代码”一行）；请向部署 RedMatrix 的人索取。",
      en: 'The setup code is printed in the server\'s start-up log (the "setup code" line); ask whoever runs RedMatrix for it.',
    },
  },
  ALREADY_SET_UP: {
    status: 409,
    message: { "zh-CN": "RedMatrix 已完成初始化。", en: "RedMatrix is already set up." },
    suggestion: { "zh-CN": "请直接登录。", en: "Sign in instead." },
  },
  RED_ID_TAKEN: {
    status: 409,
    message: { "zh-CN": "该小红书号已在本工作区中。", en: "This RED id is already in the workspace." },
    suggestion: {
      "zh-CN": "检查是否重复添加；已归档的账号也占用该小红书号。",
      en: "Check for a duplicate; archived accounts keep their RED id too.",
    },
  },
  ACCOUNT_HAS_HISTORY: {
    status: 409,
    message: {
      "zh-CN": "该账号已有发布任务或发布记录，不能归档。",
      en: "This account has publishing jobs or history, so it cannot be archived.",
    },
    suggestion: {
      "zh-CN": "改为暂停该账号：暂停后不再发布，历史记录保持完整。",
      en: "Pause the account instead: it stops publishing and its history stays intact.",
    },
  },
  ACCOUNT_ARCHIVED: {
    status: 409,
    message: { "zh-CN": "该账号已归档，不能修改。", en: "This account is archived and cannot be changed." },
    suggestion: { "zh-CN": "如需继续使用，请新建账号。", en: "Create a new account to use it again." },
  },
  LAST_ADMIN: {
    status: 409,
    message: { "zh-CN": "不能移除或降级最后一位管理员。", en: "The last admin cannot be removed or demoted." },
    suggestion: { "zh-CN": "先将其他成员设为管理员。", en: "Make another member an admin first." },
  },
  INVITE_INVALID: {
    status: 404,
    message: { "zh-CN": "邀请链接无效或已过期。", en: "This invite link is invalid or has expired." },
    suggestion: { "zh-CN": "请管理员重新发送邀请。", en: "Ask an admin for a new invite." },
  },
  UNPROCESSABLE: {
    status: 422,
    message: { "zh-CN": "请求无法处理。", en: "The request cannot be processed." },
    suggestion: { "zh-CN": "检查输入是否符合要求。", en: "Check that the input meets the requirements." },
  },
  MALFORMED_TEXT: {
    status: 422,
    message: {
      "zh-CN": "文字中含有无法保存的字符（残缺的表情或乱码）。",
      en: "The text contains characters that cannot be stored (a broken emoji or garbled text).",
    },
    suggestion: {
      "zh-CN": "删除标出的字段中的乱码或残缺表情后重试；从其他软件粘贴时，可先粘贴为纯文本。",
      en: "Remove the garbled character or broken emoji from the field named and try again; paste as plain text when copying from another app.",
    },
  },
  INPUT_TOO_COMPLEX: {
    status: 422,
    message: { "zh-CN": "提交的内容嵌套过深或条目过多。", en: "The input is nested too deeply or has too many items." },
    suggestion: {
      "zh-CN": "精简内容结构（例如减少多层嵌套的列表）后重试。",
      en: "Simplify the structure (for example, fewer levels of nested lists) and try again.",
    },
  },
  WRONG_PASSWORD: {
    status: 422,
    message: { "zh-CN": "当前密码不正确。", en: "The current password is incorrect." },
    suggestion: { "zh-CN": "重新输入当前密码。", en: "Enter your current password again." },
  },
  RATE_LIMITED: {
    status: 429,
    message: { "zh-CN": "尝试次数过多，请稍后再试。", en: "Too many attempts. Please wait and try again." },
    suggestion: { "zh-CN": "15 分钟后再试。", en: "Try again in 15 minutes." },
  },
  /** details.minutes fills {minutes}. */
  SIGN_IN_LOCKED: {
    status: 429,
    message: { "zh-CN": "登录失败次数过多，登录已暂时锁定。", en: "Too many failed sign-ins: sign-in is locked for now." },
    suggestion: {
      "zh-CN": "请在 {minutes} 分钟后再试；忘记密码请联系管理员。",
      en: "Try again in {minutes} minutes; ask an admin if you forgot your password.",
    },
  },
  IMPORT_TOO_LARGE: {
    status: 413,
    message: { "zh-CN": "导入文件过大（上限 50 MB）。", en: "The import file is too large (limit 50 MB)." },
    suggestion: { "zh-CN": "按日期或关键词拆分导出文件后分批导入。", en: "Split the export by date or keyword and import the parts." },
  },
  IMPORT_UNREADABLE: {
    status: 422,
    message: {
      "zh-CN": "无法识别该文件：不是 MediaCrawler 导出的笔记、评论或博主文件。",
      en: "This file is not a MediaCrawler notes, comments or creators export.",
    },
    suggestion: {
      "zh-CN": "检查表头是否与 MediaCrawler 导出一致（如 note_id, title, liked_count），文件须为 CSV 或 JSON。",
      en: "Check the header matches MediaCrawler's export (e.g. note_id, title, liked_count); the file must be CSV or JSON.",
    },
  },
  COLLECTION_FAILED: {
    status: 502,
    message: { "zh-CN": "采集失败：数据桥接服务没有正常响应。", en: "Collection failed: the data bridge did not answer properly." },
    suggestion: {
      "zh-CN": "确认桥接服务已启动并已登录小红书，稍后重试。",
      en: "Check the bridge is running and logged in to RED, then try again.",
    },
  },
  NO_EMAIL_CHANNEL: {
    status: 422,
    message: {
      "zh-CN": "还没有启用的邮件通知渠道，无法发送周报。",
      en: "There is no enabled email channel to send the weekly report through.",
    },
    suggestion: {
      "zh-CN": "先在「设置 → 通知渠道」添加并启用一个邮件（SMTP）渠道。",
      en: "Add and enable an email (SMTP) channel under Settings → Notification channels first.",
    },
  },
  REPORT_SEND_FAILED: {
    status: 502,
    message: { "zh-CN": "周报发送失败：邮件服务器没有接受。", en: "The weekly report was not sent: the mail server refused it." },
    suggestion: {
      "zh-CN": "检查邮件渠道的服务器、账号和收件人，然后重试。",
      en: "Check the email channel's server, login and the recipients, then try again.",
    },
  },
  OUTBOUND_ADDRESS_REFUSED: {
    status: 422,
    message: {
      "zh-CN": "该地址指向本机、内网或云元数据地址，服务器不会连接。",
      en: "This address points to this machine, a private network or a cloud metadata address, so the server does not call it.",
    },
    suggestion: {
      "zh-CN":
        "若服务确实运行在本机，请服务器管理员设置环境变量 OUTBOUND_ALLOW_PRIVATE=loopback；运行在内网则设置 OUTBOUND_ALLOW_PRIVATE=true，然后重启。云元数据和链路本地地址（169.254.x.x）始终不允许。",
      en: "If the service really runs on this machine, the server operator sets OUTBOUND_ALLOW_PRIVATE=loopback; on your network, OUTBOUND_ALLOW_PRIVATE=true; then restarts. Cloud metadata and link-local (169.254.x.x) addresses are never allowed.",
    },
  },
  OUTBOUND_REDIRECT_REFUSED: {
    status: 502,
    message: {
      "zh-CN": "对方返回了重定向，服务器不会跟随。",
      en: "The remote answered with a redirect, which the server does not follow.",
    },
    suggestion: {
      "zh-CN": "填写重定向后的最终地址（例如 https:// 而非 http://）。",
      en: "Enter the final URL the redirect points to (e.g. https:// instead of http://).",
    },
  },
  AI_PROVIDER_FAILED: {
    status: 502,
    message: {
      "zh-CN": "模型服务没有正常响应（嵌入或摘要接口）。",
      en: "The model provider did not answer properly (embeddings or chat).",
    },
    suggestion: {
      "zh-CN": "检查记忆设置中的接口地址、模型名、向量维度和 API 密钥，稍后重试。",
      en: "Check the base URL, model, dimension and API key in the memory settings, then try again.",
    },
  },
  ...memoryErrors,
  DRAFT_CONFLICT: {
    status: 409,
    message: {
      "zh-CN": "这篇草稿已被他人更新，你的修改尚未保存。",
      en: "Someone else saved this draft first; your changes are not saved yet.",
    },
    suggestion: {
      "zh-CN": "对比两个版本：保留我的、采用对方的，或把我的另存为副本。",
      en: "Compare both versions: keep mine, take theirs, or save mine as a copy.",
    },
  },
  INVALID_TRANSITION: {
    status: 409,
    message: { "zh-CN": "草稿当前的状态不允许这个操作。", en: "The draft's current status does not allow this step." },
    suggestion: { "zh-CN": "刷新查看最新状态后再试。", en: "Reload to see the current status and try again." },
  },
  DRAFT_LOCKED: {
    status: 409,
    message: { "zh-CN": "已排期或已发布的草稿不能再编辑。", en: "A scheduled or published draft can no longer be edited." },
    suggestion: { "zh-CN": "复制一份再修改。", en: "Duplicate it and edit the copy." },
  },
  FOLDER_CYCLE: {
    status: 422,
    message: {
      "zh-CN": "不能把文件夹移动到它自己或它的子文件夹里。",
      en: "A folder cannot be moved into itself or one of its subfolders.",
    },
    suggestion: { "zh-CN": "选择其他目标文件夹。", en: "Pick another destination folder." },
  },
  CONTENT_TOO_LARGE: {
    status: 413,
    message: { "zh-CN": "内容过长，无法保存（正文上限 50,000 字）。", en: "The content is too long to save (limit 50,000 characters)." },
    suggestion: {
      "zh-CN": "删减内容后重试；你的文字仍保留在编辑器中。",
      en: "Shorten it and try again; your text is still in the editor.",
    },
  },
  SCHEDULE_BLOCKED: {
    status: 422,
    message: { "zh-CN": "这篇笔记还不能排期。", en: "This note cannot be scheduled yet." },
    suggestion: {
      "zh-CN": "修复所有错误、确认所有提醒，并完成审批后再试。",
      en: "Fix every error, tick every warning, and get it approved first.",
    },
  },
  /**
   * The scheduler (QStash) could not take jobs that ARE saved: reported with a successful answer
   * (`scheduler.code`) while the publish outbox keeps trying, and as an error only where a call
   * to it was the whole request.
   */
  SCHEDULER_UNAVAILABLE: {
    status: 503,
    message: {
      "zh-CN": "已排期，正在提交到调度服务（调度服务暂时无法连接）。",
      en: "Scheduled; handing it to the scheduler, which cannot be reached right now.",
    },
    suggestion: {
      "zh-CN": "无需重新提交，系统会自动重试；若到发布时间仍未提交，会标记为失败并通知你。",
      en: "No need to submit again: it is retried automatically; if it is still not handed over by its time, it is marked failed and you are told.",
    },
  },
  SCHEDULER_RATE_LIMITED: {
    status: 429,
    message: {
      "zh-CN": "已排期，调度服务暂时限流，稍后自动提交。",
      en: "Scheduled; the scheduler is rate limiting us, so it is handed over a little later.",
    },
    suggestion: {
      "zh-CN": "无需重新提交；若经常出现，请检查 QStash 套餐的每日额度。",
      en: "No need to submit again; if this happens often, check the daily quota of the QStash plan.",
    },
  },
  SCHEDULER_REJECTED: {
    status: 502,
    message: { "zh-CN": "已排期，但调度服务拒绝了提交请求。", en: "Scheduled, but the scheduler refused the request." },
    suggestion: {
      "zh-CN": "请管理员检查 QSTASH_TOKEN 与 APP_URL 配置；修好后会自动重试。",
      en: "Ask an admin to check QSTASH_TOKEN and APP_URL; it is retried automatically once fixed.",
    },
  },
  MEDIA_TYPE_REFUSED: {
    status: 422,
    message: { "zh-CN": "只能上传 JPEG、PNG、WebP 或 GIF 图片。", en: "Only JPEG, PNG, WebP or GIF images can be uploaded." },
    suggestion: {
      "zh-CN": "这个文件的内容不是图片（与文件名无关），请换一张图片。",
      en: "This file's content is not an image (whatever its name says); pick another file.",
    },
  },
  MEDIA_UNDECODABLE: {
    status: 422,
    message: {
      "zh-CN": "无法读取这张图片（文件已损坏或格式不完整）。",
      en: "This image cannot be read (the file is damaged or incomplete).",
    },
    suggestion: { "zh-CN": "用看图软件打开确认后重新导出，再上传。", en: "Open it in an image viewer, export it again, then upload." },
  },
  MEDIA_TOO_LARGE: {
    status: 413,
    message: { "zh-CN": "图片过大（上限 20 MB）。", en: "The image is too large (limit 20 MB)." },
    suggestion: { "zh-CN": "压缩后再上传。", en: "Compress it and upload again." },
  },
  INTERNAL: {
    status: 500,
    message: { "zh-CN": "服务器出错了。", en: "Something went wrong on our side." },
    suggestion: {
      "zh-CN": "稍后重试；若持续出现，请把请求编号发给管理员。",
      en: "Try again later; if it persists, send the request id to an admin.",
    },
  },
} satisfies Record<string, ErrorEntry>;

export type ErrorCode = keyof typeof errorCatalog;
