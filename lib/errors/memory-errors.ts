/**
 * The memory domain's error codes (history and restore, the filter language, scopes), part of
 * errorCatalog (catalog.ts).
 */
import type { ErrorEntry } from "./catalog";

export const memoryErrors = {
  MEMORY_VERSION_CURRENT: {
    status: 409,
    message: {
      "zh-CN": "这条记忆现在就是这个版本的内容，无需恢复。",
      en: "The memory is already in this version's state: there is nothing to restore.",
    },
    suggestion: {
      "zh-CN": "选择一个与当前内容不同的版本，或直接编辑这条记忆。",
      en: "Pick a version that differs from the current one, or edit the memory directly.",
    },
  },
  MEMORY_DELETED: {
    status: 409,
    message: {
      "zh-CN": "这条记忆已被删除，不能恢复它的版本。",
      en: "This memory was deleted, so its versions cannot be restored.",
    },
    suggestion: {
      "zh-CN": "如仍需要其内容，请新建一条记忆；被「立即清理」删除的记忆，撤销那次清理即可找回。",
      en: "Create a new memory if you still need its content; a memory removed by a cleanup comes back when that cleanup is undone.",
    },
  },
  MEMORY_MERGED: {
    status: 409,
    message: {
      "zh-CN": "这条记忆已合并到另一条记忆中，不能单独恢复它的版本。",
      en: "This memory was merged into another one, so its versions cannot be restored on their own.",
    },
    suggestion: {
      "zh-CN": "先撤销那次合并，或在合并后的那条记忆上恢复版本。",
      en: "Undo that merge first, or restore a version of the memory it was merged into.",
    },
  },
  /** The memory filter language (lib/memory/filters/): details fill {position}, {found}, {expected}, {path}. */
  MEMORY_FILTER_SYNTAX: {
    status: 400,
    message: {
      "zh-CN": "筛选条件第 {position} 个字符处无法理解：这里是“{found}”，应为 {expected}。",
      en: 'The filter cannot be read at character {position}: found "{found}", expected {expected}.',
    },
    suggestion: {
      "zh-CN":
        "写法示例：tag:品牌 AND (account:acc_1 OR NOT tier:short_term)。字段有 tag、account、user、agent、run、tier、after、before、meta.<键>、has；含空格、括号或引号的值请用双引号括起来，括号要成对。",
      en: "Write it like tag:brand AND (account:acc_1 OR NOT tier:short_term). Fields: tag, account, user, agent, run, tier, after, before, meta.<key>, has; put a value with spaces, brackets or quotes in double quotes, and close every bracket.",
    },
  },
  MEMORY_FILTER_INCOMPLETE: {
    status: 400,
    message: {
      "zh-CN": "筛选条件在结尾处不完整：还缺少 {expected}。",
      en: "The filter ends too early: {expected} is missing at the end.",
    },
    suggestion: {
      "zh-CN": "补全结尾（例如补上右括号，或在 AND、OR、NOT 之后写上条件）后重试。",
      en: "Complete the end (for example close the bracket, or add a condition after AND, OR or NOT) and try again.",
    },
  },
  MEMORY_FILTER_INVALID: {
    status: 400,
    message: {
      "zh-CN": "筛选条件在 {path} 处无效：应为 {expected}。",
      en: "The filter is not valid at {path}: expected {expected}.",
    },
    suggestion: {
      "zh-CN":
        '每个节点只有一个键：{"and":[…]}、{"or":[…]}、{"not":…}、{"tag":"…"}、{"scope":{"accountId|userId|agentId|runId":"…"}}、{"tier":"long_term"}、{"createdAfter|createdBefore":"2026-01-31T00:00:00Z"}、{"meta":{"key":"…","eq|in|exists":…}}。',
      en: 'Each node has exactly one key: {"and":[…]}, {"or":[…]}, {"not":…}, {"tag":"…"}, {"scope":{"accountId|userId|agentId|runId":"…"}}, {"tier":"long_term"}, {"createdAfter|createdBefore":"2026-01-31T00:00:00Z"}, {"meta":{"key":"…","eq|in|exists":…}}.',
    },
  },
  MEMORY_FILTER_TOO_COMPLEX: {
    status: 400,
    message: {
      "zh-CN": "筛选条件过于复杂：最多嵌套 {maxDepth} 层、共 {maxNodes} 个条件，列表最多 {maxList} 项。",
      en: "The filter is too complex: at most {maxDepth} levels of nesting, {maxNodes} conditions and {maxList} items in a list.",
    },
    suggestion: {
      "zh-CN": "拆成几次查询，或把部分条件改用 tags、accountId 等普通参数。",
      en: "Split it into several requests, or move some conditions into plain parameters such as tags or accountId.",
    },
  },
  /** A memory's account (details.accountId) is not a visible account of the workspace. */
  MEMORY_ACCOUNT_NOT_FOUND: {
    status: 404,
    message: {
      "zh-CN": "找不到账号 {accountId}：它不在本工作区，或你无权使用它。",
      en: "Account {accountId} is not in this workspace, or you have no access to it.",
    },
    suggestion: {
      "zh-CN": "用 GET /api/v1/accounts 查看你能使用的账号 id；不关联账号时省略 accountId 或传 null。",
      en: "List the accounts you can use with GET /api/v1/accounts; to link no account, leave accountId out or send null.",
    },
  },
} satisfies Record<string, ErrorEntry>;
