import { describe, expect, it } from "vitest";
import { isSetupCode, setupCodeFor } from "@/lib/setup/setup-code";

describe("setup code", () => {
  const secret = "a-secret-of-this-install-a-secret-of-this-install";

  it("is three groups of four unambiguous characters, the same on every instance with the same secret", () => {
    const code = setupCodeFor(secret);
    expect(code).toMatch(/^[A-HJKMNP-TV-Z2-9]{4}-[A-HJKMNP-TV-Z2-9]{4}-[A-HJKMNP-TV-Z2-9]{4}$/);
    expect(setupCodeFor(secret)).toBe(code);
    expect(setupCodeFor(`${secret}!`)).not.toBe(code);
  });

  it("accepts the code as people type it (case, spaces, dashes) and nothing else", () => {
    const code = setupCodeFor(secret);
    expect(isSetupCode(code, secret)).toBe(true);
    expect(isSetupCode(` ${code.toLowerCase().replaceAll("-", " ")} `, secret)).toBe(true);
    expect(isSetupCode(code.slice(0, -1), secret)).toBe(false);
    expect(isSetupCode("", secret)).toBe(false);
    expect(isSetupCode(setupCodeFor("another secret"), secret)).toBe(false);
  });
});
