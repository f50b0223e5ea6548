/**
 * Competitor monitoring as a team lead meets it: import a MediaCrawler export (and see the bad
 * rows reported), open the dashboard, change the range, export the report (CSV and printable).
 * Self-sufficient: sets the app up when fresh, else signs in as foundation.spec.ts's admin.
 */
import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { CompetitorImport, enterWorkspace } from "./pages/competitor-pages";

test.describe.configure({ mode: "serial" });

const fixtures = path.join(process.cwd(), "tests/fixtures/mediacrawler");
let slug = "";

test("imports a MediaCrawler export with a preview, a progress bar and a per-row error report", async ({ page }, info) => {
  slug = await enterWorkspace(page);
  await page.goto(`/${slug}/competitors/manage`);
  const importer = new CompetitorImport(page);

  await importer.upload(path.join(fixtures, "xhs_notes_gbk.csv"));
  await expect(page.getByTestId("import-preview")).toContainText("GBK");
  await importer.start();
  await expect(page.getByTestId("import-progress")).toContainText("3 行已导入");

  await importer.upload(path.join(fixtures, "xhs_notes_bad_rows.csv"));
  await expect(page.getByTestId("import-errors")).toContainText("计数不能为负数");
  await expect(page.getByTestId("import-errors")).toContainText("Date is in the future");
  await importer.start();
  await expect(page.getByTestId("import-progress")).toContainText("1 行已导入，4 行跳过");
  await expect(page.getByTestId("competitors-table")).toContainText("完美日记");
  await info.attach("import report", { body: await page.screenshot({ fullPage: true }), contentType: "image/png" });
});

test("opens the dashboard with real charts and changes the range", async ({ page }, info) => {
  slug ||= await enterWorkspace(page);
  if (!page.url().includes(slug)) await enterWorkspace(page);
  await page.goto(`/${slug}/competitors`);
  await expect(page.getByRole("heading", { name: "竞品监测" })).toBeVisible();
  await expect(page.getByTestId("chart-followers").locator(".recharts-line-curve").first()).toBeVisible();
  await expect(page.getByTestId("chart-followers").getByRole("img", { name: "完美日记 legend icon" })).toBeVisible();
  await expect(page.getByTestId("chart-engagement").locator(".recharts-bar-rectangle").first()).toBeVisible();
  await expect(page.getByTestId("top-notes").locator("tbody tr").first()).toBeVisible();
  await info.attach("overview 30 days", { body: await page.screenshot({ fullPage: true }), contentType: "image/png" });

  const notes30 = await page.getByTestId("kpi-notes").locator("p").nth(1).textContent();
  await page.getByRole("button", { name: "近 90 天" }).click();
  await expect(page).toHaveURL(/from=\d{4}-\d{2}-\d{2}&to=/);
  await expect(page.getByRole("button", { name: "近 90 天" })).toHaveClass(/bg-brand-500/);
  await expect(page.getByLabel("粒度")).toHaveValue("week");
  const notes90 = await page.getByTestId("kpi-notes").locator("p").nth(1).textContent();
  expect(Number(notes90?.replace(/\D/g, ""))).toBeGreaterThan(Number(notes30?.replace(/\D/g, "")));
  await page.getByLabel("粒度").selectOption("month");
  await expect(page).toHaveURL(/g=month/);
  await info.attach("overview 90 days by month", { body: await page.screenshot({ fullPage: true }), contentType: "image/png" });

  await page.getByRole("link", { name: "热门话题" }).click();
  await expect(page.getByRole("heading", { name: "热门话题" })).toBeVisible();
  await info.attach("hot topics", { body: await page.screenshot({ fullPage: true }), contentType: "image/png" });
});

test("exports the report as CSV (formula cells neutralised) and as a printable page", async ({ page }, info) => {
  slug = await enterWorkspace(page);
  await page.goto(`/${slug}/competitors?from=2026-01-01&to=2026-12-31`);
  const download = page.waitForEvent("download");
  await page.getByTestId("export-csv").click();
  const file = await (await download).path();
  const csv = fs.readFileSync(file!, "utf8");
  expect(csv.startsWith("\uFEFFname,type,followers")).toBe(true);
  expect(csv).toContain("完美日记,competitor");
  expect(csv).not.toMatch(/(^|,)=cmd/m);

  await page.getByTestId("open-report").click();
  await expect(page.getByTestId("competitor-report")).toContainText("竞品分析报告");
  await page.emulateMedia({ media: "print" });
  await expect(page.getByTestId("print-report")).toBeHidden();
  await info.attach("printable report", { body: await page.screenshot({ fullPage: true }), contentType: "image/png" });
});

test("shows the overview by hour for short ranges, and says why not for long ones", async ({ page }, info) => {
  slug = await enterWorkspace(page);
  await page.goto(`/${slug}/competitors`);
  await page.getByRole("button", { name: "近 7 天" }).click();
  await expect(page).toHaveURL(/from=/);
  await page.getByLabel("粒度").selectOption("hour");
  await expect(page).toHaveURL(/g=hour/);
  // Hour buckets are labelled with their local time, e.g. "11-21 14:00".
  await expect(page.getByTestId("chart-engagement").locator(".recharts-cartesian-axis-tick-value").first()).toHaveText(
    /^\d{2}-\d{2} \d{2}:00$/,
  );
  await expect(page.getByTestId("chart-followers").locator(".recharts-line-curve").first()).toBeVisible();
  await info.attach("overview by hour (7 days)", { body: await page.screenshot({ fullPage: true }), contentType: "image/png" });

  await page.getByRole("button", { name: "近 30 天" }).click();
  await expect(page.getByLabel("粒度").locator('option[value="hour"]')).toBeDisabled();
  await page.goto(`${page.url()}&g=hour`);
  await expect(page.getByTestId("granularity-notice")).toContainText("按小时只支持 14 天以内");
  await expect(page.getByLabel("粒度")).toHaveValue("day");
});

test("configures the weekly report email with validation; send now needs an email channel", async ({ page }, info) => {
  slug = await enterWorkspace(page);
  await page.goto(`/${slug}/competitors/manage`);
  const card = page.getByTestId("weekly-report");
  await expect(card).toContainText("还没有启用的邮件（SMTP）通知渠道");
  await expect(card.getByTestId("send-report-now")).toBeDisabled();
  await card.getByLabel("每周自动发送").check();
  await card.getByLabel("收件人").fill("");
  await card.getByRole("button", { name: "保存" }).click();
  await expect(card.getByRole("alert").first()).toContainText("At least one recipient");
  await card.getByLabel("收件人").fill("lead@example.com, not-an-email");
  await card.getByRole("button", { name: "保存" }).click();
  await expect(card.getByRole("alert").first()).toContainText("Not a valid email address");
  await card.getByLabel("收件人").fill("lead@example.com，ops@example.com");
  await card.getByLabel("星期").selectOption("5");
  await card.getByLabel("时间").selectOption("18");
  await card.getByRole("button", { name: "保存" }).click();
  await expect(card.getByRole("status").filter({ hasText: "已保存" })).toBeVisible();
  await page.reload();
  await expect(card.getByLabel("收件人")).toHaveValue("lead@example.com, ops@example.com");
  await expect(card.getByLabel("星期")).toHaveValue("5");
  await card.scrollIntoViewIfNeeded();
  await info.attach("weekly report settings", { body: await card.screenshot(), contentType: "image/png" });
});
