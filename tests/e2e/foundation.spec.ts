/**
 * The foundation, as a new team meets it: setup wizard (with the code from the log), sign-in, a member with the analyst
 * role refused an operator action (in the UI and over HTTP), language switch, audit log.
 */
import { expect, test } from "@playwright/test";
import { SetupWizard, SignInPage, type Admin } from "./pages/auth-pages";
import { e2eAdmin } from "./pages/session";

test.describe.configure({ mode: "serial" });

const admin: Admin = e2eAdmin;
let analystPassword = "";

test("a fresh install asks for the setup code from the server log; a wrong one creates nothing", async ({ page }, info) => {
  await new SetupWizard(page).complete(admin, { demo: false, setupCode: "AAAA-BBBB-CCCC" });
  await expect(page.getByRole("alert").filter({ hasText: "设置代码不正确" })).toBeVisible();
  await expect(page.getByLabel("设置代码")).toBeVisible(); // back on the first step, where the code is
  await info.attach("wrong setup code", { body: await page.screenshot(), contentType: "image/png" });
  await page.goto("/login");
  await page.goto("/");
  await expect(page).toHaveURL(/\/setup$/); // still not set up
});

test("a newcomer runs the setup wizard and lands on a working dashboard", async ({ page }, info) => {
  await new SetupWizard(page).complete(admin, { demo: true });
  await expect(page.getByRole("heading", { name: `你好，${admin.name}` })).toBeVisible();
  await expect(page.getByTestId("kpi-accounts")).toHaveText("8");
  await expect(page.getByTestId("kpi-attention")).toHaveText("2"); // the demo's failed and unconfirmed posts
  await expect(page.getByTestId("kpi-review")).toHaveText("1");
  await info.attach("dashboard", { body: await page.screenshot({ fullPage: true }), contentType: "image/png" });

  await page.goto("/setup");
  await expect(page.getByText("RedMatrix 已完成初始化")).toBeVisible();
});

test("a wrong password gets a generic error; the right one signs in", async ({ page }, info) => {
  const signIn = new SignInPage(page);
  await signIn.signIn(admin.email, "not-the-password");
  await expect(page.getByRole("alert").filter({ hasText: "邮箱或密码不正确" })).toBeVisible();
  await signIn.signIn("nobody@example.com", "not-the-password");
  await expect(page.getByRole("alert").filter({ hasText: "邮箱或密码不正确" })).toBeVisible();
  await info.attach("sign-in error", { body: await page.screenshot(), contentType: "image/png" });
  await signIn.signIn(admin.email, admin.password);
  await expect(page).toHaveURL(/\/dashboard$/);
});

test("signed out, a workspace page leads to sign-in; signed in, the shell renews the session", async ({ page }) => {
  // No proxy runs in front of pages: each checks the session itself.
  await page.goto("/some-workspace/accounts");
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByText("你的会话已结束")).toHaveCount(0);

  const renewal = page.waitForResponse((r) => new URL(r.url()).pathname === "/api/auth/session");
  await new SignInPage(page).signIn(admin.email, admin.password);
  await expect(page).toHaveURL(/\/dashboard$/);
  const response = await renewal;
  expect(response.status()).toBe(200);
  // Auth.js answers with a freshly encrypted cookie that lasts another week.
  const cookie = (await response.headerValue("set-cookie")) ?? "";
  expect(cookie).toMatch(/authjs\.session-token=/);
  const expires = Date.parse(/Expires=([^;]+)/i.exec(cookie)?.[1] ?? "");
  expect(expires - Date.now()).toBeGreaterThan(6.9 * 24 * 3600 * 1000);
});

test("an admin adds an analyst and sees the initial password once", async ({ page }, info) => {
  await new SignInPage(page).signIn(admin.email, admin.password);
  await page.getByRole("link", { name: "设置" }).click();
  await page.getByRole("tab", { name: "成员" }).click();
  const form = page.getByRole("form", { name: "添加成员" });
  await form.getByLabel("邮箱").fill("analyst@example.com");
  await form.getByLabel("姓名").fill("数据小王");
  await form.getByLabel("角色").selectOption("analyst");
  await form.getByRole("button", { name: "添加成员" }).click();
  const secret = page.getByTestId("secret-value");
  await expect(secret).toBeVisible();
  analystPassword = (await secret.textContent())!.trim();
  expect(analystPassword.length).toBeGreaterThanOrEqual(12);
  await expect(page.getByTestId("member-analyst@example.com")).toContainText("分析师");
  await info.attach("members", { body: await page.screenshot({ fullPage: true }), contentType: "image/png" });
});

test("an invite link lets a new member set a password and join; it works once", async ({ page, browser }) => {
  await new SignInPage(page).signIn(admin.email, admin.password);
  await page.getByRole("link", { name: "设置" }).click();
  await page.getByRole("tab", { name: "成员" }).click();
  const form = page.getByRole("form", { name: "添加成员" });
  await form.getByLabel("邮箱").fill("invitee@example.com");
  await form.getByLabel("姓名").fill("新同事");
  await form.getByLabel("角色").selectOption("operator");
  await form.getByLabel("添加方式").selectOption("invite");
  await form.getByRole("button", { name: "添加成员" }).click();
  const link = (await page.getByTestId("secret-value").textContent())!.trim();
  expect(link).toMatch(/\/invite\/inv_/);

  const guest = await browser.newContext();
  const invitee = await guest.newPage();
  await invitee.goto(link);
  await expect(invitee.getByRole("heading", { name: `加入 ${admin.workspace}` })).toBeVisible();
  await invitee.getByLabel("密码").fill("invitee-password");
  await invitee.getByRole("button", { name: "加入工作区" }).click();
  await expect(invitee).toHaveURL(/\/dashboard$/);
  await expect(invitee.getByTestId("current-user").first()).toHaveText("新同事");
  await invitee.goto(link);
  await expect(invitee.getByText("邀请链接无效或已过期")).toBeVisible();
  await guest.close();
});

test("deactivating a member ends their session at once", async ({ page, browser }) => {
  const other = await browser.newContext();
  const invitee = await other.newPage();
  await new SignInPage(invitee).signIn("invitee@example.com", "invitee-password");
  await expect(invitee).toHaveURL(/\/dashboard$/);

  await new SignInPage(page).signIn(admin.email, admin.password);
  await page.getByRole("link", { name: "设置" }).click();
  await page.getByRole("tab", { name: "成员" }).click();
  const row = page.getByTestId("member-invitee@example.com");
  await row.getByRole("button", { name: "停用" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "停用" }).click();
  await expect(row).toContainText("已停用");

  await invitee.reload();
  await expect(invitee).toHaveURL(/\/login\?reason=session/);
  const api = await invitee.request.get("/api/v1/me");
  expect(api.status()).toBe(401);
  await other.close();
});

test("the analyst is refused an operator-only action in the UI and over HTTP", async ({ page }) => {
  await new SignInPage(page).signIn("analyst@example.com", analystPassword);
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByRole("link", { name: "审计日志" })).toHaveCount(0);
  await page.getByRole("link", { name: "账号矩阵" }).click();
  await expect(page.getByText("你的角色只能查看账号，不能添加或修改。")).toBeVisible();
  await expect(page.getByRole("form", { name: "添加账号" })).toHaveCount(0);

  const res = await page.request.post("/api/v1/accounts", { data: { name: "越权账号", redId: "sneaky" } });
  expect(res.status()).toBe(403);
  const body = await res.json();
  expect(body.error.code).toBe("FORBIDDEN");
  expect(body.error.message).toBe("你没有执行此操作的权限。");

  const slug = new URL(page.url()).pathname.split("/")[1];
  await page.goto(`/${slug}/audit`);
  await expect(page.getByText("没有访问权限")).toBeVisible();
});

test("switching the language to English changes the whole interface", async ({ page }) => {
  await new SignInPage(page).signIn(admin.email, admin.password);
  await page.getByTestId("language-switch").selectOption("en");
  await expect(page.getByRole("link", { name: "Dashboard" })).toBeVisible();
  await expect(page.getByRole("heading", { name: `Hello, ${admin.name}` })).toBeVisible();
  await page.getByTestId("language-switch").selectOption("zh-CN");
  await expect(page.getByRole("link", { name: "工作台" })).toBeVisible();
});

test("the audit page shows who did what, filters, and exports CSV", async ({ page }, info) => {
  await new SignInPage(page).signIn(admin.email, admin.password);
  await page.getByRole("link", { name: "审计日志" }).click();
  const table = page.getByTestId("audit-table");
  await expect(table).toContainText("setup.complete");
  await expect(table).toContainText("members.create");
  await expect(table).toContainText("auth.sign_in");
  await info.attach("audit", { body: await page.screenshot({ fullPage: true }), contentType: "image/png" });

  await page.getByLabel("操作", { exact: true }).fill("members.");
  await page.getByRole("button", { name: "筛选" }).click();
  await expect(table).toContainText("members.create");
  await expect(table).not.toContainText("setup.complete");

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "导出 CSV" }).click();
  const csv = await (await download).path();
  const text = require("node:fs").readFileSync(csv, "utf8") as string;
  expect(text).toContain("members.create");
  expect(text).not.toContain(admin.password);
});

test("the shell works at phone width", async ({ page }, info) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await new SignInPage(page).signIn(admin.email, admin.password);
  await expect(page.getByRole("link", { name: "工作台" })).toBeHidden();
  await page.getByRole("button", { name: "菜单" }).click();
  await expect(page.getByRole("link", { name: "账号矩阵" }).last()).toBeVisible();
  await info.attach("phone menu", { body: await page.screenshot(), contentType: "image/png" });
});

test("pages carry security headers and the API reports health", async ({ request }) => {
  const page = await request.get("/login");
  const csp = page.headers()["content-security-policy"];
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("object-src 'none'");
  expect(page.headers()["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(page.headers()["x-powered-by"]).toBeUndefined();
  expect((await request.get("/api/health")).status()).toBe(200);
  const ready = await request.get("/api/ready");
  expect(ready.status()).toBe(200);
  expect((await ready.json()).checks.every((c: { ok: boolean }) => c.ok)).toBe(true);
});
