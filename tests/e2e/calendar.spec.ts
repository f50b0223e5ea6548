/** The calendar as a team lead uses it on Monday: see the week, move a post, clear the attention queue. */
import { expect, test } from "@playwright/test";
import { signInAsAdmin } from "./pages/session";

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
