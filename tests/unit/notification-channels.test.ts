import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { dingtalkConfigSchema, dingtalkSign, dingtalkUrl } from "@/lib/notifications/channels/dingtalk";
import { emailConfigSchema } from "@/lib/notifications/channels/email";
import { formatMessage, formatZoned } from "@/lib/notifications/channels/format-message";
import { wecomConfigSchema } from "@/lib/notifications/channels/wecom";
import en from "@/messages/en.json";
import zh from "@/messages/zh-CN.json";

const keys = (o: object, prefix = ""): string[] =>
  Object.entries(o).flatMap(([k, v]) => (v && typeof v === "object" ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`]));

describe("DingTalk signature", () => {
  it("is base64(HMAC-SHA256(secret, `${timestamp}\\n${secret}`)), URL-encoded in the query", () => {
    const secret = "SEC0123456789abcdef";
    const timestamp = 1_700_000_000_000;
    const expected = createHmac("sha256", Buffer.from(secret, "utf8"))
      .update(Buffer.from(`1700000000000\n${secret}`, "utf8"))
      .digest()
      .toString("base64");
    expect(dingtalkSign(secret, timestamp)).toBe(expected);
    const url = dingtalkUrl(
      { baseUrl: "https://oapi.dingtalk.com/robot/send", accessToken: "tok", signed: true, signSecret: secret },
      timestamp,
    );
    // "+", "/" and "=" of base64 must travel percent-encoded, or DingTalk answers "sign not match".
    expect(url).toContain(`sign=${encodeURIComponent(expected)}`);
    expect(url).toContain("timestamp=1700000000000");
    expect(new URL(url).searchParams.get("sign")).toBe(expected);
  });

  it("leaves timestamp and sign out when signing is off", () => {
    const url = new URL(dingtalkUrl({ baseUrl: "https://oapi.dingtalk.com/robot/send", accessToken: "tok", signed: false }));
    expect([...url.searchParams.keys()]).toEqual(["access_token"]);
  });
});

describe("channel config schemas", () => {
  it("needs the sign secret when signing is on", () => {
    const result = dingtalkConfigSchema.safeParse({ accessToken: "tok", signed: true });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].path).toEqual(["signSecret"]);
  });

  it("refuses javascript: and metadata webhook URLs", () => {
    expect(wecomConfigSchema.safeParse({ key: "k", baseUrl: "javascript:alert(1)" }).success).toBe(false);
    expect(wecomConfigSchema.safeParse({ key: "k", baseUrl: "http://169.254.169.254/latest" }).success).toBe(false);
    expect(wecomConfigSchema.safeParse({ key: "k" }).data?.baseUrl).toBe("https://qyapi.weixin.qq.com/cgi-bin/webhook/send");
  });

  it("refuses invalid email addresses and metadata SMTP hosts", () => {
    expect(emailConfigSchema.safeParse({ host: "smtp.qq.com", from: "bot@example.com", to: ["not-an-email"] }).success).toBe(false);
    expect(emailConfigSchema.safeParse({ host: "169.254.169.254", from: "bot@example.com", to: ["a@example.com"] }).success).toBe(false);
    expect(emailConfigSchema.safeParse({ host: "smtp.qq.com", from: "bot@example.com", to: ["a@example.com"] }).success).toBe(true);
  });
});

describe("message formatting", () => {
  const base = {
    locale: "zh-CN" as const,
    timeZone: "Asia/Shanghai",
    appUrl: "https://rm.example.com/",
    slug: "brand",
    workspaceName: "Test Brand",
    at: new Date("2026-11-21T12:30:00Z"),
  };

  it("says in Chinese what failed, where, when (workspace zone), why, and links the calendar", () => {
    const m = formatMessage({ ...base, event: "publish_failed", title: "秋冬护肤清单", accountName: "小鹿美妆日记", reason: "图片违规" });
    expect(m.title).toBe("【Test Brand】发布失败");
    expect(m.markdown).toContain("秋冬护肤清单");
    expect(m.markdown).toContain("小鹿美妆日记");
    expect(m.markdown).toContain("2026-11-21 20:30 (Asia/Shanghai)");
    expect(m.markdown).toContain("图片违规");
    expect(m.markdown).toContain("(https://rm.example.com/brand/calendar)");
    expect(m.text).toContain("原因：图片违规");
  });

  it("an account that needs a login says why and links the account, not the calendar", () => {
    const m = formatMessage({
      ...base,
      event: "account_needs_login",
      accountName: "小鹿美妆日记",
      path: "/accounts/acc_1",
      reason: "bridge reports logged out",
    });
    expect(m.title).toContain("账号需要重新登录");
    expect(m.markdown).toContain("小鹿美妆日记");
    expect(m.markdown).toContain("bridge reports logged out");
    expect(m.markdown).toContain("/accounts/acc_1)");
    expect(m.markdown).not.toContain("/calendar");
  });

  it("escapes HTML in the email version and speaks English for an en workspace", () => {
    const m = formatMessage({ ...base, locale: "en", event: "publish_unconfirmed", title: "<script>x</script>" });
    expect(m.title).toContain("Publishing not confirmed");
    expect(m.html).toContain("&lt;script&gt;");
    expect(m.html).not.toContain("<script>");
  });

  it("shows time in other zones too (New York in winter is UTC-5)", () => {
    expect(formatZoned(new Date("2026-01-15T01:05:00Z"), "America/New_York")).toBe("2026-01-14 20:05 (America/New_York)");
  });
});

describe("channels messages", () => {
  it("has the same keys in zh-CN and en, in Chinese for zh-CN", () => {
    expect(keys(zh.channels).sort()).toEqual(keys(en.channels).sort());
    expect(zh.channels.sendTest).toMatch(/[\u4e00-\u9fff]/);
  });
});
