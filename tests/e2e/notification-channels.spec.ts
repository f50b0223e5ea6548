/**
 * An admin adds a WeCom robot channel (a local stand-in robot started here), sees its key shown
 * only as "已设置", sends a test message and sees it succeed; the robot really received it.
 */
import { expect, test } from "@playwright/test";
import { startFakeRobotServer, type FakeRobotServer } from "../support/fake-robot-server";
import { signInAsAdmin } from "./pages/session";

const key = "e2e-wecom-key-5d1c";
let robot: FakeRobotServer;

test.beforeAll(async () => {
  robot = await startFakeRobotServer({ wecomKey: key });
});
test.afterAll(async () => {
  await robot?.close();
});

test("adds a WeCom robot channel and sends a test message", async ({ page }, info) => {
  const slug = await signInAsAdmin(page);
  await page.goto(`/${slug}/settings`);
  await page.getByRole("tab", { name: "通知渠道" }).click();
  await expect(page).toHaveURL(new RegExp(`/${slug}/settings/notifications$`));

  await page.getByRole("button", { name: "添加渠道" }).first().click();
  await page.getByLabel("类型").selectOption("wecom");
  await page.getByLabel("名称").fill("内容组企业微信群");
  await page.getByLabel("Webhook 地址", { exact: true }).fill(`${robot.url}/cgi-bin/webhook/send`);
  await page.getByLabel("Webhook key", { exact: true }).fill(key);
  await page.getByRole("button", { name: "保存" }).click();

  const card = page.getByRole("listitem").filter({ hasText: "内容组企业微信群" });
  await expect(card).toContainText("企业微信机器人");
  await expect(card).toContainText("Webhook key: 已设置");
  await expect(page.locator("body")).not.toContainText(key);

  await card.getByRole("button", { name: "发送测试" }).click();
  await expect(card.getByText("测试消息已发送成功。")).toBeVisible();
  await expect(card).toContainText("上次发送成功");
  expect(robot.received).toHaveLength(1);
  expect((robot.received[0].body.markdown as { content: string }).content).toContain("测试消息");
  await info.attach("test sent", { body: await page.screenshot({ fullPage: true }), contentType: "image/png" });

  // A wrong key: the robot's own error text is shown.
  await card.getByRole("button", { name: "编辑" }).click();
  await page.getByLabel("Webhook key", { exact: true }).fill("wrong-key");
  await page.getByRole("button", { name: "保存" }).click();
  await card.getByRole("button", { name: "发送测试" }).click();
  await expect(card.getByText("发送失败：errcode 93000: the webhook key is not valid")).toBeVisible();
});
