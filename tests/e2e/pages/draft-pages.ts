/** Page objects for drafts: an approved draft made through the API, the editor. */
import { expect, type Page } from "@playwright/test";

/** An approved draft for fresh accounts made through the API (one per name), ready to schedule. */
export async function approvedDraftForNewAccounts(
  page: Page,
  slug: string,
  o: { names: string[]; redIdPrefix: string; title: string; text: string; image: { url: string; alt: string } },
) {
  const api = (path: string, data?: object) => page.request.post(`/api/v1${path}`, { data, headers: { "x-workspace": slug } });
  const accountIds: string[] = [];
  for (const name of o.names) {
    const res = await api("/accounts", { name, redId: `${o.redIdPrefix}_${accountIds.length}_${Date.now().toString(36)}` });
    expect(res.status(), await res.text()).toBe(201);
    accountIds.push((await res.json()).account.id);
  }
  const created = await api("/drafts", { title: o.title, text: o.text, accountIds, images: [o.image] });
  expect(created.status(), await created.text()).toBe(201);
  const draftId: string = (await created.json()).draft.id;
  expect((await api(`/drafts/${draftId}/submit`, {})).status()).toBe(200);
  expect((await api(`/drafts/${draftId}/approve`, {})).status()).toBe(200);
  return { draftId, accountIds };
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
