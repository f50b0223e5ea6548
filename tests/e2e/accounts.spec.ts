/**
 * The account matrix as an operator meets it: import 12 accounts from CSV, add one on the
 * xiaohongshu-mcp bridge (a fake one started here) and test its connection, switch accounts
 * from the header (keyboard, URL, reload), and bulk-pause 5 with visible progress.
 */
import { expect, test } from "@playwright/test";
import { startFakeXhsBridge, type FakeXhsBridge } from "../support/fake-xhs-bridge";
import { AccountSwitcher, MatrixPage, signInOrSetUp } from "./pages/accounts-pages";

test.describe.configure({ mode: "serial" });

const batch = Array.from({ length: 12 }, (_, i) => ({ name: `矩阵号${String(i + 1).padStart(2, "0")}`, redId: `e2e_matrix_${i + 1}` }));
const csv = [
  "name,redId,groups,tags,postingSlots",
  ...batch.map((a, i) => `${a.name},${a.redId},E2E批次|${i < 6 ? "华东" : "华南"},测试,08:00|20:30`),
].join("\n");

let bridge: FakeXhsBridge;
let slug = "";

test.beforeAll(async () => {
  bridge = await startFakeXhsBridge({ token: "e2e-bridge-token", username: "小鹿官方号", timeScale: 0.05 });
});
test.afterAll(async () => {
  await bridge?.close();
});

test("imports 12 accounts from CSV and sees them in the matrix table and card grid", async ({ page }, info) => {
  slug = await signInOrSetUp(page);
  const matrix = new MatrixPage(page, slug);
  await matrix.importCsv(csv);
  await expect(page.getByTestId("import-result")).toContainText("已导入 12 个账号");

  await matrix.open("?group=E2E批次");
  await expect(page.getByTestId("matrix-row")).toHaveCount(12);
  await expect(page.getByTestId("matrix-count")).toContainText("12 /");
  // New accounts have no history yet: every figure says "—", never 0 or a blank.
  await expect(matrix.row(batch[0].name).getByTestId("cell-followers")).toHaveText("—");
  await expect(matrix.row(batch[0].name).getByTestId("cell-last-publish")).toHaveText("—");
  await info.attach("matrix table", { body: await page.screenshot({ fullPage: true }), contentType: "image/png" });

  await page.getByRole("button", { name: "卡片" }).click();
  await expect(page.getByTestId("matrix-card")).toHaveCount(12);
  await page.getByRole("searchbox", { name: "搜索名称、小红书号、标签…" }).fill("矩阵号07");
  await expect(page.getByTestId("matrix-card")).toHaveCount(1);
  await info.attach("matrix cards", { body: await page.screenshot({ fullPage: true }), contentType: "image/png" });
});

test("adds a bridge account, tests the connection, and sees needs_login when the bridge is logged out", async ({ page }, info) => {
  slug = await signInOrSetUp(page);
  await page.goto(`/${slug}/accounts/new`);
  const form = page.getByRole("form", { name: "添加账号" });
  await form.getByLabel("显示名称").fill("小鹿官方号");
  await form.getByLabel("小红书号").fill("xiaolu_official");
  await form.getByLabel("发布通道", { exact: true }).selectOption("xhs-bridge");
  await form.getByLabel("桥接地址").fill(bridge.url);
  await form.getByLabel("Bearer 令牌").fill("e2e-bridge-token");
  await form.getByRole("button", { name: "创建账号" }).click();
  await expect(page.getByRole("heading", { name: "小鹿官方号" })).toBeVisible();
  // The token is write-only: the edit form only says it is set.
  await expect(page.getByText("已设置（留空保持不变）")).toBeVisible();
  await expect(page.getByLabel("Bearer 令牌")).toHaveValue("");
  expect(await page.content()).not.toContain("e2e-bridge-token");

  await page.getByTestId("test-connection").click();
  await expect(page.getByTestId("connection-result")).toContainText("桥接已登录，可以发布");
  await expect(page.getByTestId("connection-result")).toContainText("Logged in as 小鹿官方号");
  await info.attach("connection ok", { body: await page.screenshot({ fullPage: true }), contentType: "image/png" });

  bridge.setMode("logged_out");
  await page.getByTestId("test-connection").click();
  await expect(page.getByTestId("connection-result")).toContainText("账号已掉线");
  await expect(page.getByTestId("account-status").getByTestId("status-badge")).toHaveAttribute("data-status", "needs_login");
  bridge.setMode("ok");
  expect(bridge.received.filter((r) => r.path === "/api/v1/login/status").every((r) => r.authorization === "Bearer e2e-bridge-token")).toBe(
    true,
  );
  await info.attach("needs login", { body: await page.screenshot({ fullPage: true }), contentType: "image/png" });
});

test("switches accounts from the header with the keyboard; the choice is in the URL and survives a reload", async ({ page }, info) => {
  slug = await signInOrSetUp(page);
  const switcher = new AccountSwitcher(page);
  await page.goto(`/${slug}/dashboard`);
  await expect(switcher.current()).toHaveText("我可见的全部账号");

  await switcher.pickWithKeyboard("矩阵号03");
  await expect(switcher.current()).toHaveText("矩阵号03");
  await expect(page).toHaveURL(/[?&]account=acc_/);
  const chosen = new URL(page.url()).searchParams.get("account");
  await info.attach("switcher", { body: await page.screenshot(), contentType: "image/png" });

  await page.reload();
  await expect(switcher.current()).toHaveText("矩阵号03");
  // Remembered across pages: a link without ?account= gets the cookie's choice back in the URL.
  await page.goto(`/${slug}/drafts`);
  await expect(switcher.current()).toHaveText("矩阵号03");
  await expect(page).toHaveURL(new RegExp(`account=${chosen}`));

  await switcher.pickWithKeyboard("e2e_matrix_11");
  await expect(switcher.current()).toHaveText("矩阵号11");
  await switcher.pickAll();
  await expect(switcher.current()).toHaveText("我可见的全部账号");
  await expect(page).not.toHaveURL(/account=/);
});

test("the switcher narrows the drafts list to one account, in the URL and across reloads", async ({ page }, info) => {
  slug = await signInOrSetUp(page);
  const headers = { "x-workspace": slug };
  const idOf = async (redId: string) =>
    (
      (await (await page.request.get(`/api/v1/accounts?q=${redId}`, { headers })).json()) as { accounts: { id: string; redId: string }[] }
    ).accounts.find((a) => a.redId === redId)!.id;
  const [first, second] = [await idOf("e2e_matrix_1"), await idOf("e2e_matrix_2")];
  const stamp = Date.now();
  for (const [accountId, title] of [
    [first, `一号的草稿 ${stamp}`],
    [second, `二号的草稿 ${stamp}`],
  ]) {
    const res = await page.request.post("/api/v1/drafts", { data: { title, text: "正文", accountIds: [accountId] }, headers });
    expect(res.status(), await res.text()).toBe(201);
  }
  const list = page.getByTestId("drafts-list");
  const switcher = new AccountSwitcher(page);

  await page.goto(`/${slug}/drafts?account=${first}`);
  await expect(switcher.current()).toHaveText("矩阵号01");
  await expect(list).toContainText(`一号的草稿 ${stamp}`);
  await expect(list).not.toContainText(`二号的草稿 ${stamp}`);

  await switcher.pickWithKeyboard("e2e_matrix_2");
  await expect(switcher.current()).toHaveText("矩阵号02");
  await expect(page).toHaveURL(new RegExp(`account=${second}`));
  await expect(list).toContainText(`二号的草稿 ${stamp}`);
  await expect(list).not.toContainText(`一号的草稿 ${stamp}`);
  await info.attach("drafts narrowed to one account", { body: await page.screenshot({ fullPage: true }), contentType: "image/png" });

  await page.reload();
  await expect(list).toContainText(`二号的草稿 ${stamp}`);
  await expect(list).not.toContainText(`一号的草稿 ${stamp}`);
  // A plain link: the remembered choice comes back into the URL and still narrows the list.
  await page.goto(`/${slug}/drafts`);
  await expect(page).toHaveURL(new RegExp(`account=${second}`));
  await expect(list).not.toContainText(`一号的草稿 ${stamp}`);

  await switcher.pickAll();
  await expect(list).toContainText(`一号的草稿 ${stamp}`);
  await expect(list).toContainText(`二号的草稿 ${stamp}`);
});

test("bulk-pauses 5 accounts with a visible progress bar and a result per account", async ({ page }, info) => {
  slug = await signInOrSetUp(page);
  const matrix = new MatrixPage(page, slug);
  await matrix.open("?group=E2E批次&sort=name");
  const names = batch.slice(0, 5).map((a) => a.name);
  for (const name of names) await page.getByRole("checkbox", { name: `选择 ${name}` }).check();
  await expect(page.getByTestId("selected-count")).toHaveText("已选 5 个");
  await page.getByLabel("操作", { exact: true }).selectOption("pause");
  await page.getByRole("button", { name: "执行" }).click();

  await expect(page.getByTestId("bulk-progress")).toBeVisible();
  await expect(page.getByTestId("bulk-progress")).toHaveAttribute("aria-valuenow", "5");
  await expect(page.getByTestId("bulk-progress-text")).toHaveText("完成：5 成功，0 失败");
  await expect(page.getByTestId("bulk-results").getByRole("listitem")).toHaveCount(5);
  await info.attach("bulk pause", { body: await page.screenshot({ fullPage: true }), contentType: "image/png" });

  for (const name of names) await expect(matrix.row(name).getByTestId("status-badge")).toHaveAttribute("data-status", "paused");
  await expect(matrix.row(batch[5].name).getByTestId("status-badge")).toHaveAttribute("data-status", "active");
  await matrix.open("?group=E2E批次&status=paused");
  await expect(page.getByTestId("matrix-row")).toHaveCount(5);
});

test("a large matrix: the server's HTML carries the first screen, the browser shows every account", async ({ page }) => {
  slug = await signInOrSetUp(page);
  const matrix = new MatrixPage(page, slug);
  const rows = Array.from({ length: 33 }, (_, i) => `首屏号${String(i + 1).padStart(2, "0")},first_screen_${i + 1},首屏批次`);
  await matrix.importCsv(["name,redId,groups", ...rows].join("\n"));
  await expect(page.getByTestId("import-result")).toContainText("已导入 33 个账号");

  const html = await (await page.request.get(`/${slug}/accounts?group=首屏批次`)).text();
  expect(html.match(/data-testid="matrix-row"/g)).toHaveLength(30);
  expect(html).toContain("其余 3 个账号加载中…");

  await matrix.open("?group=首屏批次");
  await expect(page.getByTestId("matrix-row")).toHaveCount(33);
  await expect(page.getByTestId("matrix-more")).toHaveCount(0);
  await expect(matrix.row("首屏号33")).toBeVisible();
});
