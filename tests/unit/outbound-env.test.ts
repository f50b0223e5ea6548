import { describe, expect, it } from "vitest";
import { buildEnv } from "@/lib/env";

const base = { DATA_DIR: "/tmp/rm-outbound-env", AUTH_SECRET: "x".repeat(40) };
const access = (env: Record<string, string>) => buildEnv({ ...base, ...env } as unknown as NodeJS.ProcessEnv).outbound.privateAccess;

describe("outbound private-address setting", () => {
  it("defaults: open outside production; in production this machine only when self-hosted (embedded database), else public only", () => {
    expect(access({ NODE_ENV: "development" })).toBe("all");
    expect(access({ NODE_ENV: "test" })).toBe("all");
    expect(access({ NODE_ENV: "production" })).toBe("loopback");
    expect(access({ NODE_ENV: "production", DATABASE_URL: "libsql://team.turso.io" })).toBe("none");
  });

  it("OUTBOUND_ALLOW_PRIVATE decides when set, and the older ALLOW_PRIVATE_PUBLISHER_URLS still works", () => {
    expect(access({ NODE_ENV: "production", OUTBOUND_ALLOW_PRIVATE: "true" })).toBe("all");
    expect(access({ NODE_ENV: "production", OUTBOUND_ALLOW_PRIVATE: "loopback", DATABASE_URL: "libsql://team.turso.io" })).toBe("loopback");
    expect(access({ NODE_ENV: "development", OUTBOUND_ALLOW_PRIVATE: "false" })).toBe("none");
    expect(access({ NODE_ENV: "production", ALLOW_PRIVATE_PUBLISHER_URLS: "true" })).toBe("all");
    expect(access({ NODE_ENV: "development", ALLOW_PRIVATE_PUBLISHER_URLS: "false" })).toBe("none");
    expect(access({ NODE_ENV: "production", ALLOW_PRIVATE_PUBLISHER_URLS: "true", OUTBOUND_ALLOW_PRIVATE: "loopback" })).toBe("loopback");
    expect(() => access({ OUTBOUND_ALLOW_PRIVATE: "yes" })).toThrow(/OUTBOUND_ALLOW_PRIVATE/);
  });
});
