/** The environment QStash depends on: the public URL it calls, written any way people write it. */
import { describe, expect, it } from "vitest";
import { buildEnv } from "@/lib/env";

const base = { DATA_DIR: "/tmp/rm-scheduler-env", AUTH_SECRET: "x".repeat(40) };
const qstash = { QSTASH_TOKEN: "qstash-token", QSTASH_CURRENT_SIGNING_KEY: "sig_current", QSTASH_NEXT_SIGNING_KEY: "sig_next" };
const env = (vars: Record<string, string>) => buildEnv({ ...base, ...vars } as unknown as NodeJS.ProcessEnv);

describe("APP_URL for the scheduler", () => {
  it("drops trailing slashes, so webhook destinations never start with //api", () => {
    expect(env({ APP_URL: "https://redmatrix.example.com/" }).appUrl).toBe("https://redmatrix.example.com");
    expect(env({ APP_URL: "https://example.com/redmatrix//" }).appUrl).toBe("https://example.com/redmatrix");
    expect(env({ APP_URL: "https://redmatrix.example.com" }).appUrl).toBe("https://redmatrix.example.com");
  });

  it("refuses to start in production with QStash and no APP_URL, saying what to set", () => {
    expect(() => env({ NODE_ENV: "production", ...qstash })).toThrow(/APP_URL is required in production/);
    expect(env({ NODE_ENV: "production", ...qstash, APP_URL: "https://redmatrix.example.com" }).scheduler.driver).toBe("qstash");
    // Outside production, or without QStash, localhost is a fine default.
    expect(env({ NODE_ENV: "development", ...qstash }).appUrl).toBe("http://localhost:3000");
    expect(env({ NODE_ENV: "production" }).appUrl).toBe("http://localhost:3000");
  });
});
