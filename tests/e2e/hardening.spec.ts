/**
 * Issue #13 from the browser's side: pages run only scripts that carry the response's CSP nonce,
 * a server action from another site is refused with a 403 (Next alone answered 500), and
 * signing out ends the session on the server, so a copied cookie is worthless afterwards.
 */
import { expect, test } from "@playwright/test";
import { SignInPage } from "./pages/auth-pages";
import { signInAsAdmin } from "./pages/session";

test("pages carry a per-request script nonce, and every script on them uses it", async ({ page, request }) => {
  const first = await request.get("/login");
  const second = await request.get("/login");
  const nonceOf = (csp: string | undefined) => /'nonce-([^']+)'/.exec(csp ?? "")?.[1];
  const nonce = nonceOf(first.headers()["content-security-policy"]);
  expect(nonce).toBeTruthy();
  expect(nonceOf(second.headers()["content-security-policy"])).not.toBe(nonce);
  expect(first.headers()["content-security-policy"]).not.toContain("'unsafe-inline' 'self'");
  const html = await first.text();
  const scripts = html.match(/<script\b[^>]*>/g) ?? [];
  expect(scripts.length).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);

  // The page still works under the policy: the sign-in form is interactive (hydrated).
  const violations: string[] = [];
  page.on("console", (m) => m.text().includes("Content Security Policy") && violations.push(m.text()));
  await page.goto("/login");
  await page.getByLabel("邮箱").fill("x@example.com");
  await page.getByLabel("密码").fill("wrong-password");
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "邮箱或密码不正确" })).toBeVisible(); // the action ran
  expect(violations).toEqual([]);
});

test("a server action posted from another site is refused with 403 and a readable error", async ({ request }) => {
  const res = await request.post("/login", {
    headers: { "next-action": "0".repeat(42), origin: "http://127.0.0.1:8080", "content-type": "text/plain;charset=UTF-8" },
    data: "[]",
  });
  expect(res.status()).toBe(403);
  const body = await res.json();
  expect(body.error.code).toBe("CROSS_ORIGIN");
  expect(body.error.messages["zh-CN"]).toContain("其他网站");
});

test("after sign-out, a copy of the session cookie no longer opens the API", async ({ page, browser }) => {
  const slug = await signInAsAdmin(page);
  const copied = await page.context().cookies();
  const thief = await browser.newContext();
  await thief.addCookies(copied);
  const me = () => thief.request.get("/api/v1/me", { headers: { "x-workspace": slug } });
  expect((await me()).status()).toBe(200);
  await new SignInPage(page).signOut();
  expect((await me()).status()).toBe(401);
  await thief.close();
});
