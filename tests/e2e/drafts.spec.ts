/**
 * Drafts as a writer and an approver meet them: write a Chinese note with topics, watch it
 * autosave, reload it intact, resolve a two-tab conflict without losing either text, find it
 * by a Chinese substring, submit it, approve it as another member, preview it on a phone.
 */
import { expect, test, type Page } from "@playwright/test";
import { SignInPage } from "./pages/auth-pages";
import { DraftEditor, signedInAdmin } from "./pages/draft-pages";

test.describe.configure({ mode: "serial" });

const title = "上海宝藏咖啡店☕️";
let slug = "";
let draftUrl = "";
// A real 1x1 PNG, and a Windows executable pretending to be a photo.
const png = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64");
const exe = Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00]);
const approver = { email: `approver-${Date.now()}@example.com`, password: "" };

async function shot(page: Page, info: { attach: (n: string, o: { body: Buffer; contentType: string }) => Promise<void> }, name: string) {
  await info.attach(name, { body: await page.screenshot({ fullPage: true }), contentType: "image/png" });
}

test("writes a Chinese note with an image and topics; it autosaves and survives a reload", async ({ page }, info) => {
  slug = await signedInAdmin(page);
  await page.goto(`/${slug}/drafts`);
  await page.getByRole("button", { name: "新建草稿" }).first().click();
  await expect(page).toHaveURL(/\/drafts\/drf_/);
  draftUrl = new URL(page.url()).pathname;

  const editor = new DraftEditor(page);
  await page.getByLabel("笔记标题").fill(title);
  await expect(page.getByTestId("title-width")).toHaveText("8/20");
  await editor.typeBody("周末探了 3 家咖啡店🍰\n第一家在武康路，拿铁很绝\n#咖啡探店 #上海周末 ");
  await page.getByTestId("account-choice").first().getByRole("checkbox").check();
  await page.getByTestId("image-input").setInputFiles({ name: "photo.jpg", mimeType: "image/jpeg", buffer: exe });
  await expect(page.getByTestId("images").getByRole("alert")).toContainText("只能上传 JPEG、PNG、WebP 或 GIF 图片");
  await page.getByTestId("image-input").setInputFiles({ name: "封面.png", mimeType: "image/png", buffer: png });
  await expect(page.getByTestId("image-thumb")).toHaveCount(1);
  await page.getByLabel("第 1 张的图片描述").fill("武康路咖啡店门口");
  await editor.expectSaved();

  await expect(page.getByTestId("preview-title")).toHaveText(title);
  await expect(page.getByTestId("preview-body")).toHaveText("周末探了 3 家咖啡店🍰\n第一家在武康路，拿铁很绝");
  await expect(page.getByTestId("preview-topics")).toHaveText("#咖啡探店 #上海周末");
  await expect(page.getByTestId("topic-count")).toContainText("2/10");
  await shot(page, info, "editor with preview");

  await page.reload();
  await expect(page.getByLabel("笔记标题")).toHaveValue(title);
  await expect(page.getByTestId("image-thumb")).toHaveCount(1);
  await expect(page.getByTestId("phone-preview").locator("img")).toHaveAttribute("alt", "武康路咖啡店门口");
  await expect(editor.body).toContainText("第一家在武康路，拿铁很绝");
  await expect(editor.body).toContainText("#咖啡探店");
});

test("two tabs edit at once: the conflict view keeps both texts", async ({ page, context }, info) => {
  await signedInAdmin(page);
  const other = await context.newPage();
  await page.goto(draftUrl);
  await other.goto(draftUrl);
  const a = new DraftEditor(page);
  const b = new DraftEditor(other);
  await expect(a.body).toContainText("拿铁很绝");
  await expect(b.body).toContainText("拿铁很绝");

  await a.typeBody("\nA 标签页：第二家在安福路");
  await a.expectSaved();
  await b.typeBody("\nB 标签页：第三家在愚园路");
  await expect(b.status).toHaveAttribute("data-status", "conflict", { timeout: 15_000 });
  await expect(other.getByTestId("conflict-mine")).toContainText("B 标签页：第三家在愚园路");
  await expect(other.getByTestId("conflict-theirs")).toContainText("A 标签页：第二家在安福路");
  await shot(other, info, "conflict view");

  await other.getByRole("button", { name: "把我的另存为副本" }).click();
  await expect(b.status).toHaveAttribute("data-status", "saved");
  await expect(b.body).toContainText("A 标签页：第二家在安福路");
  await other.getByRole("link", { name: "已另存为副本，点此打开" }).click();
  await expect(new DraftEditor(other).body).toContainText("B 标签页：第三家在愚园路");
});

test("finds the note by a Chinese substring with the match highlighted", async ({ page }, info) => {
  await signedInAdmin(page);
  await page.goto(`/${slug}/drafts`);
  await page.getByRole("searchbox", { name: "搜索" }).fill("武康路");
  await page.getByRole("button", { name: "筛选" }).click();
  const rows = page.getByTestId("draft-row");
  await expect(rows.first()).toBeVisible();
  await expect(rows.filter({ hasText: title }).first().locator("mark").first()).toHaveText("武康路");
  await shot(page, info, "search results");
});

test("the writer submits, another member approves", async ({ page, browser }, info) => {
  await signedInAdmin(page);
  await page.goto(`/${slug}/settings/members`);
  const form = page.getByRole("form", { name: "添加成员" });
  await form.getByLabel("邮箱").fill(approver.email);
  await form.getByLabel("姓名").fill("审核小李");
  await form.getByLabel("角色").selectOption("admin");
  await form.getByRole("button", { name: "添加成员" }).click();
  approver.password = (await page.getByTestId("secret-value").textContent())!.trim();

  await page.goto(draftUrl);
  await page.getByLabel("评论", { exact: true }).fill("请帮忙看看标题");
  await page.getByRole("button", { name: "提交审核" }).click();
  await expect(page.getByTestId("draft-status")).toHaveText("审核中");

  const otherContext = await browser.newContext();
  const reviewer = await otherContext.newPage();
  await new SignInPage(reviewer).signIn(approver.email, approver.password);
  await expect(reviewer).toHaveURL(/\/dashboard$/);
  await reviewer.goto(`/${slug}/drafts`);
  await reviewer.getByTestId("notifications").getByRole("link", { name: `张伟 提交了《${title}》，请审核` }).click();
  await expect(reviewer).toHaveURL(new RegExp(`${draftUrl}$`));
  await expect(reviewer.getByTestId("review")).toContainText("请帮忙看看标题");
  await reviewer.getByRole("button", { name: "通过", exact: true }).click();
  await expect(reviewer.getByTestId("draft-status")).toHaveText("已通过");
  await shot(reviewer, info, "approved");
  await otherContext.close();

  await page.reload();
  await expect(page.getByTestId("draft-status")).toHaveText("已通过");
  const confirm = page.getByTestId("confirm-step");
  await confirm.getByRole("button", { name: "确认" }).click();
  await expect(confirm).toContainText("已通过，可以排期。");
  await shot(page, info, "ready to schedule");
});

test("previews the note on a phone-size screen exactly as it will be sent", async ({ browser }, info) => {
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: "zh-CN", timezoneId: "Asia/Shanghai" });
  const page = await phone.newPage();
  await signedInAdmin(page);
  await page.goto(draftUrl);
  const preview = page.getByTestId("phone-preview");
  await preview.scrollIntoViewIfNeeded();
  await expect(preview.getByTestId("preview-title")).toHaveText(title);
  await expect(preview.getByTestId("preview-body")).not.toContainText("#");
  await expect(preview.getByTestId("preview-topics")).toHaveText("#咖啡探店 #上海周末");
  await expect(preview.locator("img")).toBeVisible();
  await expect(page.getByTestId("checks-ok")).toBeVisible();
  await info.attach("phone preview", { body: await preview.screenshot(), contentType: "image/png" });
  await shot(page, info, "phone page");
  await phone.close();
});
