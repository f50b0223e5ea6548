/**
 * Every database column that holds an encrypted secret (`enc:v1:...` values). Key rotation
 * re-encrypts exactly these; a feature that stores a new kind of secret adds its column here.
 */
/** workspaceColumn: whose secret it is (rotation audits per workspace). */
export type SecretColumn = { table: string; idColumn: string; column: string; workspaceColumn: string };

export const secretColumns: readonly SecretColumn[] = [
  { table: "accounts", idColumn: "id", column: "publisher_secrets", workspaceColumn: "workspace_id" },
  { table: "notification_channels", idColumn: "id", column: "secrets", workspaceColumn: "workspace_id" },
  { table: "memory_ai_settings", idColumn: "workspace_id", column: "embedding_api_key", workspaceColumn: "workspace_id" },
  { table: "memory_ai_settings", idColumn: "workspace_id", column: "active_embedding_api_key", workspaceColumn: "workspace_id" },
  { table: "memory_ai_settings", idColumn: "workspace_id", column: "chat_api_key", workspaceColumn: "workspace_id" },
];
