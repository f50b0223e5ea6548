/** Page objects for the signed-out screens: setup wizard, sign-in. */
import fs from "node:fs";
import { expect, type Page } from "@playwright/test";
import { setupCodeFor } from "../../../lib/setup/setup-code";

export type Admin = { name: string; email: string; password: string; workspace: string };

/** What the e2e server printed at start: derived from the auth secret it generated in its data folder (playwright.config.ts). */
export function e2eSetupCode(): string {
  return setupCodeFor(fs.readFileSync(".data-e2e/auth-secret", "utf8").trim());
}

export class SetupWizard {
  constructor(private readonly page: Page) {}

  async complete(admin: Admin, options: { demo: boolean; setupCode?: string }) {
    const { page } = this;
    await page.goto("/");
    await expect(page).toHaveURL(/\/setup$/);
    await page.getByLabel("设置代码").fill(options.setupCode ?? e2eSetupCode());
    await page.getByLabel("你的姓名").fill(admin.name);
    await page.getByLabel("登录邮箱").fill(admin.email);
    await page.getByLabel("密码（至少 8 位）").fill(admin.password);
    await page.getByRole("button", { name: "下一步" }).click();
    await page.getByLabel("工作区名称").fill(admin.workspace);
    await expect(page.getByLabel("时区")).toHaveValue("Asia/Shanghai");
    await page.getByRole("button", { name: "下一步" }).click();
    const demo = page.getByLabel("载入示例数据");
    if ((await demo.isChecked()) !== options.demo) await demo.click();
    await page.getByRole("button", { name: "完成并进入工作台" }).click();
    if (options.setupCode === undefined) await expect(page).toHaveURL(/\/dashboard$/);
  }
}

export class SignInPage {
  constructor(private readonly page: Page) {}

  async signIn(email: string, password: string) {
    await this.page.goto("/login");
    await this.page.getByLabel("邮箱").fill(email);
    await this.page.getByLabel("密码").fill(password);
    await this.page.getByRole("button", { name: "登录" }).click();
  }

  async signOut() {
    await this.page
      .getByRole("button", { name: /退出登录|Sign out/ })
      .first()
      .click();
    await expect(this.page).toHaveURL(/\/login/);
  }
}
