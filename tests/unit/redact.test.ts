import { describe, expect, it } from "vitest";
import { redact } from "@/lib/audit/redact";

describe("audit redaction", () => {
  it("never keeps secrets, at any depth", () => {
    const out = redact({ name: "李娜", password: "hunter22", config: { apiKey: "sk-1", url: "http://x" }, tokenHash: "abc" });
    expect(out).toEqual({
      name: "李娜",
      password: "[redacted]",
      config: { apiKey: "[redacted]", url: "http://x" },
      tokenHash: "[redacted]",
    });
    expect(JSON.stringify(out)).not.toContain("hunter22");
    expect(JSON.stringify(out)).not.toContain("sk-1");
  });

  it("trims long values and drops undefined", () => {
    const out = redact({ body: "字".repeat(500), gone: undefined });
    expect(String(out?.body).length).toBe(201);
    expect(out).not.toHaveProperty("gone");
  });
});
