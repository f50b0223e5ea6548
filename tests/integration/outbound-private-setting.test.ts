/**
 * The operator's setting, read from the environment: with OUTBOUND_ALLOW_PRIVATE=false a
 * channel or bridge URL on this machine is refused when saved (the field error names the
 * setting), and the process-wide dispatcher refuses the connection itself, before connecting.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { POST as createChannelRoute } from "@/app/api/v1/notification-channels/route";
import type { Db } from "@/db/client";
import { getEnv } from "@/lib/env";
import { RefusedAddressError, safeFetch } from "@/lib/http/safe-dispatcher";
import { callRoute } from "../support/call-route";
import { memberWithToken, setUpWorkspace } from "../support/fixtures";
import { startInternalService, type InternalService } from "../support/internal-service";
import { migratedDb } from "../support/test-db";

vi.hoisted(() => {
  process.env.OUTBOUND_ALLOW_PRIVATE = "false";
});

describe("OUTBOUND_ALLOW_PRIVATE=false", () => {
  let db: Db;
  let token = "";
  let internal: InternalService;

  beforeAll(async () => {
    db = await migratedDb();
    const ws = await setUpWorkspace(db);
    token = (await memberWithToken(db, ws.admin, "admin")).token;
    internal = await startInternalService();
  });
  afterAll(() => internal.close());

  it("is read from the environment", () => {
    expect(getEnv().outbound.privateAccess).toBe("none");
  });

  it("refuses saving a robot URL on this machine, naming the setting", async () => {
    const res = await callRoute(createChannelRoute, "/api/v1/notification-channels", {
      method: "POST",
      token,
      body: { kind: "wecom", name: "本机", config: { baseUrl: `${internal.url}/cgi-bin/webhook/send`, key: "k" } },
    });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.json.error.fieldErrors)).toMatch(/OUTBOUND_ALLOW_PRIVATE=loopback/);
  });

  it("refuses the connection through the default dispatcher, before connecting", async () => {
    const error = await safeFetch(`${internal.url}/`).catch((e: unknown) => e);
    expect((error as { cause?: unknown }).cause).toBeInstanceOf(RefusedAddressError);
    expect(internal.connections()).toBe(0);
  });
});
