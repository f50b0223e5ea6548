/** Page objects for competitor monitoring: import on the manage page, the overview dashboard. */
import { expect, type Page } from "@playwright/test";
import { SetupWizard, SignInPage, type Admin } from "./auth-pages";

/** foundation.spec.ts's admin: this suite signs in as them, or sets the app up when it is fresh. */
export const foundationAdmin: Admin = {
  name: "张伟",
  email: "zhangwei@example.com",
  password: "a-strong-password",
  workspace: "小鹿品牌内容组",
};

/** Signs in (or completes setup with demo data on a fresh app) and returns the workspace slug. */
export async function enterWorkspace(page: Page): Promise<string> {
  await page.goto("/");
  if (/\/setup$/.test(page.url())) await new SetupWizard(page).complete(foundationAdmin, { demo: true });
  else {
    await new SignInPage(page).signIn(foundationAdmin.email, foundationAdmin.password);
    await expect(page).toHaveURL(/\/dashboard$/);
  }
  return new URL(page.url()).pathname.split("/")[1];
}

export class CompetitorImport {
  constructor(private readonly page: Page) {}

  async upload(file: string) {
    const form = this.page.getByTestId("import-form");
    await form.locator('input[type="file"]').setInputFiles(file);
    await expect(form.getByTestId("import-preview")).toBeVisible();
  }

  async start() {
    await this.page.getByTestId("start-import").click();
    await expect(this.page.getByTestId("import-progress")).toContainText("导入完成");
  }
}
