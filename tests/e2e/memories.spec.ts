/**
 * Memory, as a content lead uses it: add brand facts, find them by search with a typo, edit one,
 * see what an edit changed and restore the version before it, compress near-duplicates into a
 * long-term memory (with lineage in its detail), undo, delete; connect an OpenAI-compatible
 * embeddings API (a local stand-in) and watch the re-embedding.
 * Self-sufficient: runs the setup wizard on a fresh database, or signs in after foundation.spec.
 */
import { expect, test, type Page } from "@playwright/test";
import { startFakeOpenAiServer } from "../support/fake-openai-server";
import { SetupWizard, SignInPage, type Admin } from "./pages/auth-pages";

test.describe.configure({ mode: "serial" });

// The same admin as foundation.spec.ts, so either spec can run first.
const admin: Admin = { name: "张伟", email: "zhangwei@example.com", password: "a-strong-password", workspace: "小鹿品牌内容组" };

async function signedIn(page: Page) {
  await page.goto("/");
  if (/\/setup$/.test(page.url())) await new SetupWizard(page).complete(admin, { demo: false });
  else if (/\/login/.test(page.url())) {
    await new SignInPage(page).signIn(admin.email, admin.password);
    await expect(page).toHaveURL(/\/dashboard$/);
  }
}

async function openMemories(page: Page) {
  await signedIn(page);
  await page.getByRole("link", { name: "品牌记忆" }).first().click();
  await expect(page.getByRole("heading", { name: "品牌记忆" })).toBeVisible();
}

async function addMemory(page: Page, content: string, tags: string) {
  const form = page.getByRole("form", { name: "新增记忆" });
  await form.getByLabel("内容").fill(content);
  await form.getByLabel("可见范围").selectOption("workspace");
  await form.getByLabel("标签").fill(tags);
  await form.getByRole("button", { name: "新增记忆" }).click();
  await expect(page.getByTestId("memory-list").getByText(content)).toBeVisible();
}

test("add memories, search with a typo, edit and see the history", async ({ page }) => {
  await openMemories(page);
  await addMemory(page, "品牌调性：温柔、真诚，像闺蜜聊天，不用夸张词", "品牌, 调性");
  await addMemory(page, "Rejected: clickbait titles in ALL CAPS were turned down by the brand", "rejected");

  await page.getByRole("searchbox", { name: "搜索记忆" }).fill("clickbait titels");
  await page.getByRole("button", { name: "筛选" }).click();
  await expect(page.getByTestId("memory-item").first()).toContainText("clickbait titles"); // the typo still finds it first

  await page.getByRole("searchbox", { name: "搜索记忆" }).fill("品牌调性");
  await page.getByRole("button", { name: "筛选" }).click();
  await page.getByTestId("memory-item").filter({ hasText: "温柔、真诚，像闺蜜" }).first().click();
  const form = page.getByRole("form", { name: "编辑" });
  await form.getByLabel("内容").fill("品牌调性：温柔、真诚、专业，像闺蜜聊天");
  await form.getByRole("button", { name: "编辑" }).click();
  await expect(page.getByText("已保存")).toBeVisible();
  await page.reload();
  await expect(page.getByTestId("memory-history")).toContainText("修改");
});

test("see what an edit changed and restore the version before it, by keyboard, at 390 px", async ({ page }, info) => {
  await openMemories(page);
  await addMemory(page, "置顶评论：先感谢，再回答价格问题", "评论");
  await page.getByRole("searchbox", { name: "搜索记忆" }).fill("置顶评论");
  await page.getByRole("button", { name: "筛选" }).click();
  await page.getByTestId("memory-item").filter({ hasText: "置顶评论" }).first().click();
  const form = page.getByRole("form", { name: "编辑" });
  await form.getByLabel("内容").fill("置顶评论：直接回答价格问题");
  await form.getByRole("button", { name: "编辑" }).click();
  await expect(page.getByText("已保存")).toBeVisible();
  await page.reload();
  await page.setViewportSize({ width: 390, height: 844 });

  const versions = page.getByTestId("memory-history").getByTestId("memory-version");
  await expect(versions.first()).toContainText("修改");
  await expect(versions.first().locator("ins").first()).toHaveText("直接"); // the newest version is open, with its word diff
  const created = versions.filter({ hasText: "创建" });
  await created.locator("summary").focus();
  await page.keyboard.press("Enter");
  await created.getByRole("button", { name: "恢复此版本" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "恢复", exact: true }).click();
  await expect(page.getByText("已恢复：历史中新增了一个")).toBeVisible();
  await expect(versions.first()).toContainText("恢复");
  await expect(page.getByRole("form", { name: "编辑" }).getByLabel("内容")).toHaveValue("置顶评论：先感谢，再回答价格问题");
  await info.attach("memory history at 390 px", { body: await page.screenshot({ fullPage: true }), contentType: "image/png" });
});

test("compress near-duplicates, undo, compress again, see the lineage, and delete with confirmation", async ({ page }, info) => {
  await openMemories(page);
  for (const suffix of ["。", "！", "。评论区多互动。"])
    await addMemory(page, `封面公式：大字标题加前后对比图，点击率最高${suffix}`, "封面");
  const compress = async () => {
    await page.getByTestId("maintenance-panel").getByRole("button", { name: "立即压缩" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "立即压缩" }).click();
  };
  const searchFor = async (text: string) => {
    await page.getByRole("searchbox", { name: "搜索记忆" }).fill(text);
    await page.getByRole("button", { name: "筛选" }).click();
  };

  await compress();
  await expect(page.getByTestId("maintenance-summary")).toHaveText("合并了 3 条为 1 条");
  await expect(page.getByTestId("memory-stats")).toBeVisible();
  await info.attach("memories after compress", { body: await page.screenshot({ fullPage: true }), contentType: "image/png" });
  await page.getByRole("button", { name: "撤销" }).click();
  await expect(page.getByTestId("maintenance-summary")).toHaveText("已撤销：恢复 3 条，移除 1 条");
  await searchFor("封面公式");
  await expect(page.getByTestId("memory-item").filter({ hasText: "封面公式" })).toHaveCount(3);

  await compress();
  await expect(page.getByTestId("maintenance-summary")).toHaveText("合并了 3 条为 1 条");
  await searchFor("封面公式");
  await expect(page.getByTestId("memory-item").filter({ hasText: "封面公式" })).toHaveCount(1);
  await page.getByTestId("memory-item").filter({ hasText: "封面公式" }).click();
  await expect(page.getByTestId("memory-lineage")).toContainText("由以下记忆合并而来");
  await expect(page.getByRole("form", { name: "编辑" }).getByLabel("内容")).toHaveValue(/评论区多互动/);

  await page.getByRole("link", { name: "返回记忆列表" }).click();
  await searchFor("clickbait");
  await page.getByTestId("memory-item").filter({ hasText: "clickbait" }).click();
  await page.getByRole("button", { name: "删除" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "删除" }).click();
  await expect(page).toHaveURL(/\/memories$/);
  await searchFor("clickbait");
  await expect(page.getByTestId("memory-item").filter({ hasText: "clickbait" })).toHaveCount(0);
});

test("switch embeddings to an OpenAI-compatible API: the key stays hidden, re-embedding shows progress, search keeps working", async ({
  page,
}, info) => {
  const fake = await startFakeOpenAiServer({ apiKey: "sk-e2e-secret", dims: { "emb-e2e": 64 } });
  try {
    await openMemories(page);
    const form = page.getByRole("form", { name: "模型服务" });
    await form.getByLabel("向量来源", { exact: true }).selectOption("openai");
    await form.getByLabel("接口地址", { exact: true }).fill(fake.url);
    await form.getByLabel("模型", { exact: true }).fill("emb-e2e");
    await form.getByLabel("向量维度", { exact: true }).fill("64");
    await form.getByLabel("API 密钥", { exact: true }).fill("sk-e2e-secret");
    await form.getByRole("button", { name: "保存模型设置" }).click();
    await expect(form.getByText("已保存")).toBeVisible();
    const job = page.getByRole("progressbar", { name: "重新生成向量" });
    await expect(job).toBeVisible();
    // The embedded dispatcher delivers the batches; the panel polls until the switch.
    await expect(page.getByText("重新生成向量 · 已完成")).toBeVisible({ timeout: 30_000 });
    await expect(page.getByText("当前搜索使用：emb-e2e (64)")).toBeVisible();
    await expect(page.getByRole("form", { name: "模型服务" }).getByLabel("API 密钥", { exact: true })).toHaveAttribute(
      "placeholder",
      "已设置，留空则保持不变",
    );
    expect(await page.content()).not.toContain("sk-e2e-secret");
    expect(fake.embeddingRequests.length).toBeGreaterThan(0);
    await page.getByRole("form", { name: "模型服务" }).scrollIntoViewIfNeeded();
    await info.attach("memory providers after re-embedding", { body: await page.screenshot({ fullPage: true }), contentType: "image/png" });

    await page.getByRole("searchbox", { name: "搜索记忆" }).fill("品牌调性");
    await page.getByRole("button", { name: "筛选" }).click();
    await expect(page.getByTestId("memory-item").first()).toContainText("品牌调性");

    // Back to the built-in embedder, so later runs start from the default.
    await page.getByRole("form", { name: "模型服务" }).getByLabel("向量来源", { exact: true }).selectOption("builtin");
    await page.getByRole("form", { name: "模型服务" }).getByRole("button", { name: "保存模型设置" }).click();
    await expect(page.getByText("当前搜索使用：内置（离线）")).toBeVisible({ timeout: 30_000 });
  } finally {
    await fake.close();
  }
});
