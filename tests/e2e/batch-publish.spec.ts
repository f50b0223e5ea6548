/** One approved note to five accounts at once, through the sandbox publisher, watched live. */
import { expect, test } from "@playwright/test";
import { signInAsAdmin } from "./pages/session";
import { approvedDraftForNewAccounts } from "./pages/draft-pages";

test("batch-publishes an approved draft to 5 accounts and shows each account's progress", async ({ page }, info) => {
  const slug = await signInAsAdmin(page);
  const names = [1, 2, 3, 4, 5].map((i) => `批量号${i}`);
  const { draftId } = await approvedDraftForNewAccounts(page, slug, {
    names,
    redIdPrefix: "batch_e2e",
    title: "周末咖啡地图☕",
    text: "五家藏在弄堂里的咖啡店\n周末慢慢逛 #咖啡探店 #上海周末",
    image: { url: "https://example.com/coffee.jpg", alt: "咖啡" },
  });

  await page.goto(`/${slug}/drafts/${draftId}`);
  const confirm = page.getByTestId("confirm-step");
  for (const box of await confirm.getByRole("checkbox").all()) await box.check();
  await confirm.getByRole("button", { name: "确认", exact: true }).click();
  const form = page.getByTestId("schedule-form");
  await expect(form).toBeVisible();
  await form.getByLabel("账号之间间隔（分钟）").fill("0");
  await form.getByRole("button", { name: "预览排期" }).click();
  await expect(page.getByTestId("schedule-plan").getByRole("row")).toHaveCount(5);
  await form.getByText("个账号将在 30 分钟内发布相同内容").click();
  await info.attach("schedule plan", { body: await page.screenshot({ fullPage: true }), contentType: "image/png" });
  await form.getByRole("button", { name: "确认排期（5 个账号）" }).click();

  await expect(page).toHaveURL(/\/calendar\/batches\/batch_/);
  const progress = page.getByTestId("batch-progress");
  await expect(progress.getByText("已完成 5 / 5")).toBeVisible({ timeout: 20_000 });
  for (let i = 1; i <= 5; i++) await expect(page.getByTestId(`batch-job-批量号${i}`)).toContainText("已发布");
  await info.attach("batch progress", { body: await page.screenshot({ fullPage: true }), contentType: "image/png" });
});
