/**
 * The permission matrix: the single table that says which role may do what. Permissions are
 * named `domain.verb`; every action and route names the one it needs (see lib/next/).
 */
export const permissions = [
  "drafts.read",
  "drafts.write",
  "drafts.delete",
  "drafts.submit",
  "drafts.approve",
  "drafts.publish",
  "accounts.read",
  "accounts.manage",
  "accounts.switch",
  "schedules.read",
  "schedules.write",
  "schedules.cancel",
  "competitors.read",
  "competitors.manage",
  "analytics.read",
  "analytics.export",
  "memories.read",
  "memories.write",
  "memories.manage",
  "settings.manage",
  "members.manage",
  "audit.read",
  "tokens.manage",
] as const;

export type Permission = (typeof permissions)[number];
export const roles = ["admin", "operator", "analyst", "guest"] as const;
export type Role = (typeof roles)[number];

const readOnly: Permission[] = ["drafts.read", "accounts.read", "schedules.read", "competitors.read", "analytics.read"];

export const rolePermissions: Record<Role, readonly Permission[]> = {
  admin: permissions,
  operator: [
    ...readOnly,
    "drafts.write",
    "drafts.delete",
    "drafts.submit",
    "drafts.publish",
    "accounts.manage",
    "accounts.switch",
    "schedules.write",
    "schedules.cancel",
    "competitors.manage",
    "analytics.export",
    "memories.read",
    "memories.write",
    "tokens.manage",
  ],
  analyst: [...readOnly, "accounts.switch", "analytics.export", "memories.read"],
  guest: readOnly,
};

export function isPermission(value: string): value is Permission {
  return (permissions as readonly string[]).includes(value);
}

export function roleCan(role: Role, permission: Permission): boolean {
  return rolePermissions[role].includes(permission);
}
