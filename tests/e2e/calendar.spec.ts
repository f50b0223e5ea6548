/** The calendar as a team lead uses it on Monday: see the week, move a post, clear the attention queue. */
import { expect, test } from "@playwright/test";
import { signInAsAdmin } from "./pages/session";
import { approvedDraftForNewAccounts } from "./pages/draft-pages";

test("week view shows the schedule; dragging a post to another day moves it", async ({ page }, info) => {
  const slug = await signInAsAdmin(page);
  await page.goto(`/${slug}/calendar`);
  await expect(page.getByRole("heading", { name: "排期日历" })).toBeVisible();
  const scheduled = page.locator('[data-status="scheduled"]');
  await expect(scheduled.first()).toBeVisible();
  await info.attach("calendar week", { body: await page.screenshot({ fullPage: true }), contentType: "image/png" });

  // Next week is all in the future: move its first post to the last day that has none of its own.
  const inAWeek = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date(Date.now() + 7 * 86_400_000));
  await page.goto(`/${slug}/calendar?view=week&date=${inAWeek}`);
  const chip = scheduled.first();
  const jobId = (await chip.getAttribute("data-testid"))!.replace("job-", "");
  const fromDay = await chip.locator("xpath=ancestor::*[starts-with(@data-testid,'day-')]").getAttribute("data-testid");
  const days = await page.locator("[data-testid^='day-']").evaluateAll((els) => els.map((e) => e.getAttribute("data-testid")!));
  const target = days.filter((d) => d !== fromDay).pop()!;

  const box = (await chip.boundingBox())!;
  const dest = (await page.getByTestId(target).boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 10, box.y + box.height / 2 + 10, { steps: 5 });
  await page.mouse.move(dest.x + dest.width / 2, dest.y + dest.height / 2, { steps: 15 });
  await page.mouse.up();
  await expect(page.getByTestId(target).getByTestId(`job-${jobId}`)).toBeVisible();
  await page.reload();
  await expect(page.getByTestId(target).getByTestId(`job-${jobId}`)).toBeVisible();
});

test("month and list views, and the unconfirmed post gets marked as published", async ({ page }, info) => {
  const slug = await signInAsAdmin(page);
  await page.goto(`/${slug}/calendar?view=month`);
  await expect(page.locator("[data-testid^='day-']")).toHaveCount(42);
  await info.attach("calendar month", { body: await page.screenshot({ fullPage: true }), contentType: "image/png" });
  await page.getByRole("tab", { name: "列表" }).click();
  await expect(page.locator("[data-testid^='day-']")).toHaveCount(7);

  const queue = page.getByTestId("attention-queue");
  await expect(queue).toContainText("待确认");
  await queue.getByRole("button").filter({ hasText: "待确认" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toContainText("笔记可能已经上线");
  await dialog.getByLabel("已发布笔记的链接").fill("https://www.xiaohongshu.com/explore/abc123");
  await dialog.getByRole("button", { name: "标记为已发布" }).click();
  await expect(queue).not.toContainText("待确认");
  await expect(queue).toContainText("失败");
});

test("a draft scheduled for two sandbox accounts publishes live on the calendar; the header's account scopes it", async ({
  page,
}, info) => {
  test.setTimeout(180_000);
  const slug = await signInAsAdmin(page);
  const stamp = Date.now().toString(36);
  const names = [`日历甲${stamp}`, `日历乙${stamp}`];
  const { draftId, accountIds } = await approvedDraftForNewAccounts(page, slug, {
    names,
    redIdPrefix: "cal_e2e",
    title: "通勤穿搭一周不重样",
    text: "五套通勤搭配\n#通勤穿搭 #上班族",
    image: { url: "https://example.com/outfit.jpg", alt: "穿搭" },
  });

  // Now for the first account, one minute later for the second.
  await page.goto(`/${slug}/drafts/${draftId}`);
  const confirm = page.getByTestId("confirm-step");
  for (const box of await confirm.getByRole("checkbox").all()) await box.check();
  await confirm.getByRole("button", { name: "确认", exact: true }).click();
  const form = page.getByTestId("schedule-form");
  await form.getByLabel("账号之间间隔（分钟）").fill("1");
  await form.getByRole("button", { name: "预览排期" }).click();
  await expect(page.getByTestId("schedule-plan").getByRole("row")).toHaveCount(2);
  await form.getByText("个账号将在 30 分钟内发布相同内容").click();
  await form.getByRole("button", { name: "确认排期（2 个账号）" }).click();
  await expect(page).toHaveURL(/\/calendar\/batches\/batch_/);

  const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date());
  await page.goto(`/${slug}/calendar?view=week&date=${today}&account=all`);
  const chipOf = (name: string) =>
    page.locator("[data-testid^='job-']").filter({ hasText: name }).filter({ hasText: "通勤穿搭一周不重样" });
  const statuses = async () => Promise.all(names.map((n) => chipOf(n).getAttribute("data-status")));
  // Whichever account the plan put first is live already; the other waits its minute.
  await expect.poll(async () => (await statuses()).sort(), { timeout: 20_000 }).toEqual(["published", "scheduled"]);
  await info.attach("calendar: first published, second waiting", {
    body: await page.screenshot({ fullPage: true }),
    contentType: "image/png",
  });
  // No reload: the calendar refreshes itself while a post is due.
  for (const name of names) await expect(chipOf(name)).toHaveAttribute("data-status", "published", { timeout: 120_000 });
  await info.attach("calendar: both published", { body: await page.screenshot({ fullPage: true }), contentType: "image/png" });

  // The header's account (?account=, kept in a cookie) scopes the calendar: only that account's posts.
  await page.goto(`/${slug}/calendar?view=week&date=${today}&account=${accountIds[1]}`);
  await expect(chipOf(names[1])).toBeVisible();
  await expect(chipOf(names[0])).toHaveCount(0);
  await expect(page.locator("[data-testid^='job-']").filter({ hasNotText: names[1] })).toHaveCount(0);
  await page.goto(`/${slug}/calendar?view=month&date=${today}&account=all`);
  const summary = page.getByTestId(`summary-${today}`);
  await expect(summary).toContainText("已发布");
  await info.attach("calendar month with day totals", { body: await page.screenshot({ fullPage: true }), contentType: "image/png" });
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(summary).toBeVisible();
  await info.attach("calendar month at phone width", { body: await page.screenshot({ fullPage: true }), contentType: "image/png" });
});
