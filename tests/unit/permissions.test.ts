import { describe, expect, it } from "vitest";
import { permissions, roleCan, rolePermissions, roles } from "@/lib/auth/permissions";

describe("permission matrix", () => {
  it("names at least 20 permissions as domain.verb", () => {
    expect(permissions.length).toBeGreaterThanOrEqual(20);
    for (const p of permissions) expect(p).toMatch(/^[a-z]+\.[a-z]+$/);
  });

  it("gives admins everything and every other role a strict subset", () => {
    expect([...rolePermissions.admin].sort()).toEqual([...permissions].sort());
    for (const role of roles.filter((r) => r !== "admin")) {
      expect(rolePermissions[role].length).toBeLessThan(permissions.length);
      for (const p of rolePermissions[role]) expect(permissions).toContain(p);
    }
  });

  it("orders roles by power: guest ⊂ analyst ⊂ operator", () => {
    for (const p of rolePermissions.guest) expect(roleCan("analyst", p)).toBe(true);
    for (const p of rolePermissions.analyst) expect(roleCan("operator", p)).toBe(true);
  });

  it("keeps people and audit management with admins", () => {
    for (const p of ["members.manage", "audit.read", "settings.manage", "drafts.approve"] as const) {
      expect(roles.filter((r) => roleCan(r, p))).toEqual(["admin"]);
    }
  });

  it("lets operators run accounts but not analysts or guests", () => {
    expect(roleCan("operator", "accounts.manage")).toBe(true);
    expect(roleCan("analyst", "accounts.manage")).toBe(false);
    expect(roleCan("guest", "accounts.manage")).toBe(false);
  });
});
