import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError, errorBody, toAppError } from "@/lib/errors/app-error";
import { errorCatalog } from "@/lib/errors/catalog";

describe("error catalog", () => {
  it("has a status, zh-CN and en text and a suggestion for every code", () => {
    for (const [code, entry] of Object.entries(errorCatalog)) {
      expect(entry.status, code).toBeGreaterThanOrEqual(400);
      for (const locale of ["zh-CN", "en"] as const) {
        expect(entry.message[locale], code).not.toBe("");
        expect(entry.suggestion[locale], code).not.toBe("");
      }
      expect(entry.message["zh-CN"]).not.toBe(entry.message.en);
    }
  });

  it("maps zod errors to 400 with field errors, unknown errors to 500", () => {
    const parsed = z.object({ email: z.email() }).safeParse({ email: "nope" });
    const fromZod = toAppError(parsed.error);
    expect(fromZod.status).toBe(400);
    expect(fromZod.fieldErrors?.email?.length).toBe(1);
    expect(toAppError(new TypeError("boom")).code).toBe("INTERNAL");
  });

  it("renders the message in the asked language without leaking details", () => {
    const body = errorBody(new AppError("FORBIDDEN", { detail: "internal detail" }), "en", "req_1");
    expect(body).toMatchObject({ code: "FORBIDDEN", requestId: "req_1" });
    expect(body.message).toBe(errorCatalog.FORBIDDEN.message.en);
    expect(JSON.stringify(body)).not.toContain("internal detail");
  });
});
