/** Page objects for drafts: getting signed in on any database state, the list, the editor. */
import { expect, type Page } from "@playwright/test";
import { SetupWizard, SignInPage, type Admin } from "./auth-pages";

/** The foundation suite's admin: reused when that suite already ran on this database. */
export const e2eAdmin: Admin = { name: "张伟", email: "zhangwei@example.com", password: "a-strong-password", workspace: "小鹿品牌内容组" };

/** Sets up the instance when it is fresh, otherwise signs in; answers the workspace slug. */
export async function signedInAdmin(page: Page): Promise<string> {
  await page.goto("/");
  if (/\/setup$/.test(page.url())) await new SetupWizard(page).complete(e2eAdmin, { demo: true });
  else {
    await new SignInPage(page).signIn(e2eAdmin.email, e2eAdmin.password);
    await expect(page).toHaveURL(/\/dashboard$/);
  }
  return new URL(page.url()).pathname.split("/")[1];
}

export class DraftEditor {
  constructor(readonly page: Page) {}
  get body() {
    return this.page.getByTestId("note-body");
  }
  get status() {
    return this.page.getByTestId("save-status");
  }
  async typeBody(text: string) {
    await this.body.click();
    await this.page.keyboard.press("ControlOrMeta+End");
    for (const [i, line] of text.split("\n").entries()) {
      if (i > 0) await this.page.keyboard.press("Enter");
      await this.page.keyboard.type(line);
    }
  }
  async expectSaved() {
    await expect(this.status).toHaveAttribute("data-status", "saved", { timeout: 15_000 });
  }
}
