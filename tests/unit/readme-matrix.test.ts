import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { permissions, rolePermissions, roles } from "@/lib/auth/permissions";

describe("README permission matrix", () => {
  it("matches the table in code, cell for cell", () => {
    const readme = fs.readFileSync("README.md", "utf8");
    const block = readme.split("<!-- permission-matrix:start -->")[1].split("<!-- permission-matrix:end -->")[0];
    const rows = block.trim().split("\n").slice(2);
    expect(rows).toHaveLength(permissions.length);
    for (const row of rows) {
      const cells = row
        .split("|")
        .slice(1, -1)
        .map((c) => c.trim());
      const permission = cells[0].replace(/`/g, "") as (typeof permissions)[number];
      expect(permissions).toContain(permission);
      roles.forEach((role, i) => expect(cells[i + 1] === "✓", `${role} ${permission}`).toBe(rolePermissions[role].includes(permission)));
    }
  });
});
