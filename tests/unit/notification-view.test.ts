import { describe, expect, it } from "vitest";
import en from "@/messages/en.json";
import zh from "@/messages/zh-CN.json";
import { notificationKinds, toNotificationView } from "@/lib/notifications/notification-view";
import { relativeTime } from "@/lib/time/relative-time";

const row = (kind: string, payload: Record<string, unknown>, readAt: Date | null = null) => ({
  id: "ntf_1",
  kind,
  payload,
  readAt,
  createdAt: new Date("2026-05-01T08:00:00Z"),
});

describe("notification view", () => {
  it("links each kind to its target and carries what the message needs", () => {
    expect(toNotificationView(row("draft.submit", { draftId: "drf_1", title: "春季穿搭", by: "张伟" }), "acme")).toMatchObject({
      kind: "submit",
      values: { by: "张伟", title: "春季穿搭" },
      href: "/acme/drafts/drf_1",
      isRead: false,
    });
    expect(
      toNotificationView(row("draft.request_changes", { draftId: "drf_1", title: "t", by: "李娜", comment: "标题太长" }), "acme"),
    ).toMatchObject({ kind: "request_changes", detail: "标题太长" });
    expect(
      toNotificationView(row("publish_failed", { jobId: "job_1", title: "t", reason: "需要重新登录" }, new Date()), "acme"),
    ).toMatchObject({ kind: "publish_failed", href: "/acme/calendar", detail: "需要重新登录", isRead: true });
    expect(toNotificationView(row("competitor.alert", { competitorId: "cmp_9", title: "爆文" }), "acme")).toMatchObject({
      kind: "competitor_alert",
      href: "/acme/competitors/cmp_9",
    });
    expect(
      toNotificationView(row("account_needs_login", { accountId: "acc_3", title: "小号3", reason: "bridge reports logged out" }), "acme"),
    ).toMatchObject({ kind: "account_needs_login", href: "/acme/accounts/acc_3", detail: "bridge reports logged out" });
    expect(
      toNotificationView(row("competitor_viral_note", { alertId: "alr_1", title: "竞品A：爆文", href: "/competitors/cmp_2" }), "acme"),
    ).toMatchObject({ kind: "competitor_viral_note", href: "/acme/competitors/cmp_2" });
    expect(toNotificationView(row("something.new", { draftId: "drf_1" }), "acme")).toMatchObject({ kind: "other", href: null });
  });

  it("has zh-CN and en text for every kind", () => {
    for (const kind of [...notificationKinds, "other"]) {
      expect((zh.notifications.kinds as Record<string, string>)[kind], kind).toBeTruthy();
      expect((en.notifications.kinds as Record<string, string>)[kind], kind).toBeTruthy();
    }
  });

  it("says how long ago, in the reader's language", () => {
    const now = new Date("2026-05-01T10:00:00Z");
    expect(relativeTime(new Date("2026-05-01T09:57:00Z"), now, "zh-CN")).toBe("3分钟前");
    expect(relativeTime(new Date("2026-05-01T07:00:00Z"), now, "en")).toBe("3 hours ago");
    expect(relativeTime(new Date("2026-04-30T09:00:00Z"), now, "en")).toBe("yesterday");
    expect(relativeTime(new Date("2026-05-01T09:59:50Z"), now, "en")).toBe("now");
  });
});
