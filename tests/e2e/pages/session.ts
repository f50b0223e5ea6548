/** Signs in as the e2e admin, running the setup wizard first when the database is fresh (a spec run alone). */
import { expect, type Page } from "@playwright/test";
import { SetupWizard, SignInPage, type Admin } from "./auth-pages";

export const e2eAdmin: Admin = { name: "张伟", email: "zhangwei@example.com", password: "a-strong-password", workspace: "小鹿品牌内容组" };

export async function signInAsAdmin(page: Page): Promise<string> {
  await page.goto("/");
  if (page.url().endsWith("/setup")) await new SetupWizard(page).complete(e2eAdmin, { demo: true });
  else await new SignInPage(page).signIn(e2eAdmin.email, e2eAdmin.password);
  await expect(page).toHaveURL(/\/dashboard$/);
  return new URL(page.url()).pathname.split("/")[1];
}
