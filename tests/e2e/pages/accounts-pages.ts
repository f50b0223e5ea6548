/** Page objects for the account matrix: the matrix page, CSV import, the header switcher. */
import { expect, type Page } from "@playwright/test";
import { SetupWizard, SignInPage, type Admin } from "./auth-pages";

/** foundation.spec.ts's admin: this spec signs in as them, or sets the app up as them when fresh. */
export const foundationAdmin: Admin = {
  name: "张伟",
  email: "zhangwei@example.com",
  password: "a-strong-password",
  workspace: "小鹿品牌内容组",
};

export async function signInOrSetUp(page: Page): Promise<string> {
  await page.goto("/");
  if (/\/setup$/.test(page.url())) await new SetupWizard(page).complete(foundationAdmin, { demo: true });
  else {
    await new SignInPage(page).signIn(foundationAdmin.email, foundationAdmin.password);
    await expect(page).toHaveURL(/\/dashboard/);
  }
  return new URL(page.url()).pathname.split("/")[1];
}

export class MatrixPage {
  constructor(
    private readonly page: Page,
    private readonly slug: string,
  ) {}

  async open(query = "") {
    await this.page.goto(`/${this.slug}/accounts${query}`);
    await expect(this.page.getByRole("heading", { name: "账号矩阵" })).toBeVisible();
  }

  row(name: string) {
    return this.page.getByTestId("matrix-row").filter({ has: this.page.getByRole("link", { name, exact: true }) });
  }

  async importCsv(csv: string) {
    await this.page.goto(`/${this.slug}/accounts/import`);
    await this.page.getByLabel("或粘贴 CSV 内容").fill(csv);
    await this.page.getByRole("button", { name: "导入" }).click();
  }
}

export class AccountSwitcher {
  constructor(private readonly page: Page) {}

  current() {
    return this.page.getByTestId("account-switcher-current");
  }

  async pickWithKeyboard(search: string) {
    await this.page.keyboard.press("Control+k");
    const input = this.page.getByRole("textbox", { name: "搜索账号…" });
    await expect(input).toBeFocused();
    await input.fill(search);
    // The switcher's own list (fetched on open), not any <select>'s options elsewhere on the page.
    await this.page.getByRole("listbox").getByRole("option").nth(1).waitFor();
    await input.press("ArrowDown");
    await input.press("Enter");
  }

  async pickAll() {
    await this.page.getByTestId("account-switcher").click();
    await this.page.getByRole("option", { name: /我可见的全部账号/ }).click();
  }
}
