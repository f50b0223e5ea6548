/**
 * Drafts as a writer and an approver meet them: write a Chinese note with topics, watch it
 * autosave, reload it intact, resolve a two-tab conflict without losing either text, find it
 * by a Chinese substring, submit it, approve it as another member, preview it on a phone.
 */
import { expect, test, type Page } from "@playwright/test";
import sharp from "sharp";
import { SignInPage } from "./pages/auth-pages";
import { DraftEditor } from "./pages/draft-pages";
import { signInAsAdmin } from "./pages/session";

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
  slug = await signInAsAdmin(page);
  await page.goto(`/${slug}/drafts`);
  await page.getByRole("button", { name: "新建草稿" }).first().click();
  await expect(page).toHaveURL(/\/drafts\/drf_/);
  draftUrl = new URL(page.url()).pathname;

  const editor = new DraftEditor(page);
  await page.getByLabel("笔记标题").fill(title);
  // The bridge's rule (pkg/xhsutil/title.go): 7 CJK + ☕ + its emoji variation selector = 18 units / 2.
  await expect(page.getByTestId("title-width")).toHaveText("9/20");
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

test("two tabs edit at once: the conflict view keeps both texts and both image lists", async ({ page, context }, info) => {
  await signInAsAdmin(page);
  const other = await context.newPage();
  await page.goto(draftUrl);
  await other.goto(draftUrl);
  const a = new DraftEditor(page);
  const b = new DraftEditor(other);
  await expect(a.body).toContainText("拿铁很绝");
  await expect(b.body).toContainText("拿铁很绝");

  // Tab A adds a real photo (a thumbnail is made on upload) and makes it the cover.
  const photo = await sharp({ create: { width: 900, height: 1200, channels: 3, background: { r: 120, g: 86, b: 60 } } })
    .jpeg()
    .toBuffer();
  await page.getByTestId("image-input").setInputFiles({ name: "拿铁.jpg", mimeType: "image/jpeg", buffer: photo });
  await expect(page.getByTestId("image-thumb")).toHaveCount(2);
  await expect(page.getByTestId("image-thumb").nth(1).locator("img")).toHaveAttribute("src", /\/api\/v1\/media\/med_[^/]+\/thumb$/);
  await page.getByTestId("image-thumb").nth(1).getByRole("button", { name: "设为封面" }).click();
  await a.typeBody("\nA 标签页：第二家在安福路");
  await a.expectSaved();
  await b.typeBody("\nB 标签页：第三家在愚园路");
  await expect(b.status).toHaveAttribute("data-status", "conflict", { timeout: 15_000 });
  await expect(other.getByTestId("conflict-mine")).toContainText("B 标签页：第三家在愚园路");
  await expect(other.getByTestId("conflict-theirs")).toContainText("A 标签页：第二家在安福路");
  await expect(other.getByTestId("conflict-mine").getByTestId("conflict-image")).toHaveCount(1);
  await expect(other.getByTestId("conflict-theirs").getByTestId("conflict-image")).toHaveCount(2);
  await expect(other.getByTestId("conflict-theirs").locator('[data-only-here="true"]')).toHaveCount(1);
  await expect(other.getByTestId("conflict-image-summary")).toHaveText("图片：我的 1 张，对方 2 张（1 张只在对方版本中；封面不同）");
  await shot(other, info, "conflict view");

  await other.getByRole("button", { name: "把我的另存为副本" }).click();
  await expect(b.status).toHaveAttribute("data-status", "saved");
  await expect(b.body).toContainText("A 标签页：第二家在安福路");
  await expect(other.getByTestId("image-thumb")).toHaveCount(2);
  await other.getByRole("link", { name: "已另存为副本，点此打开" }).click();
  await expect(new DraftEditor(other).body).toContainText("B 标签页：第三家在愚园路");
  await expect(other.getByTestId("image-thumb")).toHaveCount(1);

  // The media library attaches an image uploaded earlier (shown as its thumbnail) to the copy.
  await other.getByRole("button", { name: "从媒体库选" }).click();
  const library = other.getByTestId("media-library");
  await expect(library.getByRole("button", { name: "封面.png（已添加）" })).toBeDisabled();
  await library.getByRole("button", { name: "添加 拿铁.jpg" }).click();
  await expect(other.getByTestId("image-thumb")).toHaveCount(2);
  await expect(library.getByRole("button", { name: "拿铁.jpg（已添加）" })).toBeDisabled();
  await new DraftEditor(other).expectSaved();
});

test("finds the note by a Chinese substring with the match highlighted", async ({ page }, info) => {
  await signInAsAdmin(page);
  await page.goto(`/${slug}/drafts`);
  await page.getByRole("searchbox", { name: "搜索" }).fill("武康路");
  await page.getByRole("button", { name: "筛选" }).click();
  const rows = page.getByTestId("draft-row");
  await expect(rows.first()).toBeVisible();
  await expect(rows.filter({ hasText: title }).first().locator("mark").first()).toHaveText("武康路");
  await shot(page, info, "search results");
});

test("the writer submits, another member approves", async ({ page, browser }, info) => {
  await signInAsAdmin(page);
  await page.goto(`/${slug}/settings/members`);
  const form = page.getByRole("form", { name: "添加成员" });
  await form.getByLabel("邮箱").fill(approver.email);
  await form.getByLabel("姓名").fill("审核小李");
  await form.getByLabel("角色").selectOption("admin");
  await form.getByRole("button", { name: "添加成员" }).click();
  approver.password = (await page.getByTestId("secret-value").textContent())!.trim();

  // The new member's bell: nothing yet.
  const otherContext = await browser.newContext();
  const reviewer = await otherContext.newPage();
  await new SignInPage(reviewer).signIn(approver.email, approver.password);
  await expect(reviewer).toHaveURL(/\/dashboard$/);
  const bell = reviewer.getByTestId("notifications-bell");
  await bell.click();
  await expect(reviewer.getByTestId("notifications-empty")).toContainText("暂无通知");
  await reviewer.keyboard.press("Escape");
  await expect(reviewer.getByTestId("notifications-panel")).toBeHidden();
  await expect(bell).toBeFocused();

  await page.goto(draftUrl);
  await page.getByLabel("评论", { exact: true }).fill("请帮忙看看标题");
  await page.getByRole("button", { name: "提交审核" }).click();
  await expect(page.getByTestId("draft-status")).toHaveText("审核中");

  // The bell picks it up (reload here; in a real tab on focus or within 45 s), opens by keyboard, and its link leads to the draft.
  await reviewer.reload();
  await expect(reviewer.getByTestId("notifications-badge")).toHaveText("1");
  await expect(bell).toHaveAccessibleName("通知（1 条未读）");
  await bell.focus();
  await reviewer.keyboard.press("Enter");
  await reviewer
    .getByTestId("notifications-panel")
    .getByRole("link", { name: `张伟 提交了《${title}》，请审核` })
    .click();
  await expect(reviewer).toHaveURL(new RegExp(`${draftUrl}$`));
  await expect(reviewer.getByTestId("notifications-badge")).toBeHidden();
  await expect(reviewer.getByTestId("review")).toContainText("请帮忙看看标题");
  await reviewer.getByLabel("评论", { exact: true }).fill("标题很好，图也清楚");
  await reviewer.getByRole("button", { name: "发表评论" }).click();
  await expect(reviewer.getByTestId("review")).toContainText("标题很好，图也清楚");
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

test("the writer's bell lists the decision; mark one read, mark all read; it fits a phone", async ({ page, browser }, info) => {
  await signInAsAdmin(page);
  await page.goto(`/${slug}/drafts`);
  const bell = page.getByTestId("notifications-bell");
  await expect(page.getByTestId("notifications-badge")).toBeVisible();
  const unread = Number(await page.getByTestId("notifications-badge").textContent());
  await bell.click();
  const panel = page.getByTestId("notifications-panel");
  const decision = panel.getByTestId("notification-item").filter({ hasText: `审核小李 通过了《${title}》` });
  await expect(decision).toHaveAttribute("data-read", "false");
  await shot(page, info, "notifications bell (desktop)");
  await decision.getByRole("button", { name: /^标为已读/ }).click();
  await expect(decision).toHaveAttribute("data-read", "true");
  // The reviewer's comment is still unread.
  expect(unread).toBeGreaterThanOrEqual(2);
  await expect(page.getByTestId("notifications-badge")).toHaveText(String(unread - 1));
  await page.reload();
  await page.getByTestId("notifications-bell").click();
  await expect(
    page
      .getByTestId("notifications-panel")
      .getByTestId("notification-item")
      .filter({ hasText: `审核小李 通过了《${title}》` }),
  ).toHaveAttribute("data-read", "true");

  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: "zh-CN", timezoneId: "Asia/Shanghai" });
  const small = await phone.newPage();
  await signInAsAdmin(small);
  await small.getByTestId("notifications-bell").click();
  const smallPanel = small.getByTestId("notifications-panel");
  await expect(smallPanel).toBeVisible();
  const box = (await smallPanel.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(390);
  // The header (menu, account switcher, bell, language, theme) fits: nothing scrolls sideways.
  expect(await small.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await shot(small, info, "notifications bell (phone)");
  await expect(smallPanel.getByTestId("notification-item").filter({ hasText: `审核小李 评论了《${title}》` })).toContainText(
    "标题很好，图也清楚",
  );
  await smallPanel.getByRole("button", { name: "全部标为已读" }).click();
  await expect(small.getByTestId("notifications-badge")).toBeHidden();
  await expect(smallPanel.locator('[data-read="false"]')).toHaveCount(0);
  await phone.close();
});

test("previews the note on a phone-size screen exactly as it will be sent", async ({ browser }, info) => {
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: "zh-CN", timezoneId: "Asia/Shanghai" });
  const page = await phone.newPage();
  await signInAsAdmin(page);
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
