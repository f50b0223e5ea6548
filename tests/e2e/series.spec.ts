/** A recurring series as a team lead sets it up: every Tue/Thu 20:30, previewed, on next week's calendar, then stopped. */
import { expect, test } from "@playwright/test";
import { signInAsAdmin } from "./pages/session";

test("create every Tue/Thu 20:30 for an account, see it on next week's calendar, stop it", async ({ page }, info) => {
  const slug = await signInAsAdmin(page);
  // Its own account: series obey the account's cap and spacing, and the demo schedule already
  // fills some 20:30 slots (that case is the next test).
  const accountName = `晚间护肤号${Date.now().toString(36)}`;
  const account = await page.request.post("/api/v1/accounts", {
    data: { name: accountName, redId: `series_e2e_${Date.now().toString(36)}` },
    headers: { "x-workspace": slug },
  });
  expect(account.status(), await account.text()).toBe(201);
  await page.goto(`/${slug}/calendar`);
  const panel = page.getByTestId("series-panel");
  await expect(panel.getByRole("heading", { name: "重复发布", exact: true })).toBeVisible();

  const title = `每周二四晚间护肤分享 ${Date.now().toString(36)}`;
  const form = panel.getByTestId("series-form");
  await expect(form.getByLabel("账号")).not.toHaveValue("");
  await form.getByLabel("账号").selectOption({ label: accountName });
  await form.getByLabel("笔记标题").fill(title);
  await form.getByLabel("笔记正文").fill("今晚 8 点半，聊聊换季修护。");
  await expect(form.getByTestId("series-preview")).toContainText("请至少选择一天");
  await expect(form.getByRole("button", { name: "创建重复发布" })).toBeDisabled();
  await form.getByLabel("周二").check();
  await form.getByLabel("周四").check();
  await form.getByLabel("时间（HH:mm）").fill("20:30");

  const preview = form.getByTestId("series-preview").getByRole("listitem");
  await expect(preview).toHaveCount(5);
  for (const text of await preview.allInnerTexts()) expect(text).toMatch(/周[二四].*20:30/);

  // A power user's broken cron gets a clear error, and cannot be submitted.
  await form.getByLabel("直接填写 cron 表达式（高级）").check();
  await form.getByRole("textbox", { name: "cron 表达式" }).fill("61 * * * *");
  await expect(form.getByTestId("series-preview").getByRole("alert")).toContainText(/cron/i);
  await expect(form.getByRole("button", { name: "创建重复发布" })).toBeDisabled();
  await form.getByRole("textbox", { name: "cron 表达式" }).fill("30 20 * * 2,4");
  await expect(preview).toHaveCount(5);
  await form.getByRole("button", { name: "创建重复发布" }).click();

  const row = panel.getByRole("listitem").filter({ hasText: title });
  await expect(row).toHaveAttribute("data-status", "active");
  await expect(row).toContainText("30 20 * * 2,4");
  await expect(row).toContainText(/下次：.*20:30/);

  const inAWeek = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date(Date.now() + 7 * 86_400_000));
  await page.goto(`/${slug}/calendar?view=week&date=${inAWeek}`);
  const chips = page.locator("[data-testid^='job-']").filter({ hasText: title });
  await expect(chips).toHaveCount(2);
  for (const text of await chips.allInnerTexts()) expect(text).toContain("20:30");
  await expect(chips.first()).toHaveAttribute("data-status", "scheduled");
  await info.attach("recurring series on next week's calendar", {
    body: await page.screenshot({ fullPage: true }),
    contentType: "image/png",
  });

  // Edit: Thursdays only. Next week keeps one post, still at 20:30.
  await row.getByRole("button", { name: "编辑" }).click();
  await expect(form.getByRole("heading", { name: /编辑/ })).toBeVisible();
  await expect(form.getByLabel("周二")).toBeChecked();
  await form.getByLabel("周二").uncheck();
  await expect(preview.filter({ hasText: "周二" })).toHaveCount(0); // the preview has caught up
  await expect(preview).toHaveCount(5);
  for (const text of await preview.allInnerTexts()) expect(text).toMatch(/周四.*20:30/);
  await form.getByRole("button", { name: "保存修改" }).click();
  await expect(row).toContainText("30 20 * * 4");
  await expect(page.locator("[data-status='scheduled']").filter({ hasText: title })).toHaveCount(1);

  await row.getByRole("button", { name: "停止" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "停止" }).click();
  await expect(row).toHaveAttribute("data-status", "stopped");
  await expect(row).toContainText("已停止");
  await page.reload();
  await expect(page.locator("[data-status='scheduled']").filter({ hasText: title })).toHaveCount(0);
});

test("an account at its daily cap: the series skips those occurrences and says why", async ({ page }, info) => {
  const slug = await signInAsAdmin(page);
  const stamp = Date.now().toString(36);
  const accountName = `暂停发文号${stamp}`;
  const account = await page.request.post("/api/v1/accounts", {
    data: { name: accountName, redId: `capped_e2e_${stamp}`, dailyPostCap: 0 },
    headers: { "x-workspace": slug },
  });
  expect(account.status(), await account.text()).toBe(201);
  await page.goto(`/${slug}/calendar`);
  const panel = page.getByTestId("series-panel");
  const form = panel.getByTestId("series-form");
  const title = `每日早安 ${stamp}`;
  await form.getByLabel("账号").selectOption({ label: accountName });
  await form.getByLabel("笔记标题").fill(title);
  await form.getByLabel("笔记正文").fill("早安打卡");
  for (const day of ["周一", "周二", "周三", "周四", "周五", "周六", "周日"]) await form.getByLabel(day).check();
  await form.getByLabel("时间（HH:mm）").fill("08:00");
  await form.getByRole("button", { name: "创建重复发布" }).click();
  const row = panel.getByRole("listitem").filter({ hasText: title });
  await expect(row).toHaveAttribute("data-status", "active");
  const skipped = row.locator("[data-action='skipped']");
  await expect(skipped.first()).toContainText("已跳过（超过每日发布上限）");
  await expect(skipped).toHaveCount(5); // the list shows the first five
  await info.attach("series with skipped occurrences", { body: await panel.screenshot(), contentType: "image/png" });
  await row.getByRole("button", { name: "停止" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "停止" }).click();
  await expect(row).toHaveAttribute("data-status", "stopped");
});
