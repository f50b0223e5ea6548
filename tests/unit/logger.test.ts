import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger } from "@/lib/observability/logger";

describe("logger", () => {
  it("writes JSON lines and redacts secrets wherever they sit", () => {
    const lines: string[] = [];
    const sink = new Writable({ write: (chunk, _enc, next) => (lines.push(String(chunk)), next()) });
    const log = createLogger("info", sink);
    log.info(
      { requestId: "req_1", password: "hunter22", user: { token: "rmx_secret" }, body: { form: { newPassword: "p4ss" } } },
      "signed in",
    );
    const entry = JSON.parse(lines[0]);
    expect(entry).toMatchObject({ requestId: "req_1", msg: "signed in", password: "[redacted]", user: { token: "[redacted]" } });
    expect(lines[0]).not.toMatch(/hunter22|rmx_secret|p4ss/);
  });
});
