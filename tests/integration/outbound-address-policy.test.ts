/**
 * The outbound address policy at connection time: names are made to resolve to 127.0.0.1,
 * 169.254.169.254 or 10.0.0.1 by a resolver injected into the dispatcher (as DNS would answer
 * for an attacker's name), and every refusal must happen before any connection: the local
 * service counting connections stays at 0, and no packet leaves for the other addresses.
 * Redirects are refused too, to the metadata address and to another local port. Covered paths:
 * safeFetch, resilientFetch, the bridge publisher, the data bridge, the AI client, SMTP and S3.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDataBridgeClient } from "@/lib/competitors/collect/data-bridge-client";
import { createInProcessCache } from "@/lib/cache/in-process-cache";
import { errorBody } from "@/lib/errors/app-error";
import type { AppError } from "@/lib/errors/app-error";
import type { PrivateAccess } from "@/lib/http/address-policy";
import { OutboundError, resilientFetch } from "@/lib/http/resilient-fetch";
import { createSafeDispatcher, RedirectRefusedError, RefusedAddressError, safeFetch, type Resolve } from "@/lib/http/safe-dispatcher";
import { createS3Storage } from "@/lib/media/s3-media-storage";
import { postOpenAi } from "@/lib/memory/ai/openai-client";
import { sendEmail } from "@/lib/notifications/channels/email";
import { xhsBridgePublisher } from "@/lib/publishing/publishers/xhs-bridge";
import { startInternalService, type InternalService } from "../support/internal-service";

const names: Record<string, { address: string; family: number }[]> = {
  "bridge.example.test": [{ address: "127.0.0.1", family: 4 }],
  "metadata.example.test": [{ address: "169.254.169.254", family: 4 }],
  "lan.example.test": [{ address: "10.0.0.1", family: 4 }],
  "alibaba.example.test": [{ address: "100.100.100.200", family: 4 }],
  "mapped.example.test": [{ address: "::ffff:127.0.0.1", family: 6 }],
  // A public answer with a private one beside it: the socket may try either, so both are checked.
  "mixed.example.test": [
    { address: "93.184.216.34", family: 4 },
    { address: "127.0.0.1", family: 4 },
  ],
};
const lookups: string[] = [];
const resolve: Resolve = async (hostname) => {
  lookups.push(hostname);
  const found = names[hostname];
  if (!found) throw Object.assign(new Error(`ENOTFOUND ${hostname}`), { code: "ENOTFOUND" });
  return found;
};
const dispatcher = (access: PrivateAccess) => createSafeDispatcher({ access, resolve });
const refusedCause = (error: unknown) => (error as { cause?: unknown }).cause;

describe("outbound address policy on the resolved address", () => {
  let internal: InternalService;
  let redirector: InternalService;
  const at = (host: string, path = "/") => `http://${host}:${internal.port}${path}`;

  beforeAll(async () => {
    internal = await startInternalService();
    redirector = await startInternalService();
  });
  afterAll(async () => {
    await internal.close();
    await redirector.close();
  });

  it("refuses names resolving to loopback, metadata, private, CGNAT-metadata and mapped addresses before connecting", async () => {
    for (const host of [
      "bridge.example.test",
      "metadata.example.test",
      "lan.example.test",
      "alibaba.example.test",
      "mapped.example.test",
      "mixed.example.test",
    ]) {
      const error = await safeFetch(at(host), { dispatcher: dispatcher("none") }).then(
        () => null,
        (e: unknown) => e,
      );
      expect(refusedCause(error), host).toBeInstanceOf(RefusedAddressError);
    }
    expect(lookups).toContain("metadata.example.test");
    expect(internal.connections()).toBe(0);
  });

  it("refuses IP literals the same way (they skip DNS)", async () => {
    for (const host of ["127.0.0.1", "[::ffff:127.0.0.1]", "[::1]"]) {
      const error = await safeFetch(at(host), { dispatcher: dispatcher("none") }).then(
        () => null,
        (e: unknown) => e,
      );
      expect(refusedCause(error), host).toBeInstanceOf(RefusedAddressError);
    }
    expect(internal.connections()).toBe(0);
  });

  it("allows this machine only with loopback access, the network only with full access, and metadata never", async () => {
    const loopback = dispatcher("loopback");
    expect((await safeFetch(at("bridge.example.test"), { dispatcher: loopback })).status).toBe(200);
    expect(internal.connections()).toBe(1);
    for (const host of ["lan.example.test", "metadata.example.test"]) {
      const error = await safeFetch(at(host), { dispatcher: loopback }).then(
        () => null,
        (e: unknown) => e,
      );
      expect((refusedCause(error) as RefusedAddressError).message, host).toMatch(
        host === "lan.example.test" ? /OUTBOUND_ALLOW_PRIVATE=true/ : /never/,
      );
    }
    const all = dispatcher("all");
    expect((await safeFetch(at("bridge.example.test"), { dispatcher: all })).status).toBe(200);
    for (const host of ["metadata.example.test", "alibaba.example.test", "169.254.169.254"]) {
      const error = await safeFetch(at(host), { dispatcher: all }).then(
        () => null,
        (e: unknown) => e,
      );
      expect(refusedCause(error), host).toBeInstanceOf(RefusedAddressError);
    }
    expect(internal.connections()).toBe(2);
  });

  it("refuses a redirect to the metadata address and to another local port, without following it", async () => {
    const before = internal.connections();
    for (const location of ["http://169.254.169.254/latest/meta-data/", `${internal.url}/admin`]) {
      redirector.answer({ redirectTo: location });
      await expect(safeFetch(`${redirector.url}/`, { dispatcher: dispatcher("all") })).rejects.toBeInstanceOf(RedirectRefusedError);
    }
    // Through the resilient client: a redirect is an error and is never retried.
    const requests = redirector.requests();
    const error = await resilientFetch(
      `${redirector.url}/`,
      {},
      { timeoutMs: 2000, idempotent: true, retries: 2, sleep: async () => {}, dispatcher: dispatcher("all") },
    ).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: "redirect" });
    expect(redirector.requests()).toBe(requests + 1);
    expect(internal.connections()).toBe(before);
  });

  it("the resilient client reports a refusal as not sent and does not retry it", async () => {
    const before = lookups.length;
    const error = await resilientFetch(
      at("bridge.example.test"),
      {},
      { timeoutMs: 2000, idempotent: true, retries: 3, sleep: async () => {}, dispatcher: dispatcher("none") },
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OutboundError);
    expect(error).toMatchObject({ kind: "refused_address", sent: "no", message: expect.stringMatching(/OUTBOUND_ALLOW_PRIVATE=loopback/) });
    expect(lookups.length - before).toBe(1);
  });

  it("the bridge publisher's health check and publish refuse a name resolving to 127.0.0.1, saying what to set", async () => {
    const before = internal.connections();
    const config = xhsBridgePublisher.configSchema.parse({ baseUrl: at("bridge.example.test"), timeoutMs: 1000 });
    const runtime = {
      workspaceId: "ws",
      accountId: "acc_ssrf",
      db: undefined as never,
      cache: createInProcessCache(),
      dispatcher: dispatcher("none"),
      sleep: async () => {},
    };
    expect(await xhsBridgePublisher.checkHealth(config, runtime)).toMatchObject({
      ok: false,
      code: "refused_address",
      message: expect.stringMatching(/OUTBOUND_ALLOW_PRIVATE=loopback/),
    });
    expect(await xhsBridgePublisher.publish({ kind: "image", title: "t", content: "c", images: [] }, config, runtime)).toMatchObject({
      status: "rejected",
    });
    expect(internal.connections()).toBe(before);
  });

  it("the data bridge and the AI client refuse it too, the AI error with the catalogue's suggestion", async () => {
    const before = internal.connections();
    const bridge = createDataBridgeClient({ baseUrl: at("metadata.example.test"), retryDelayMs: 1, dispatcher: dispatcher("all") });
    await expect(bridge.searchFeeds("x")).rejects.toMatchObject({ code: "REFUSED_ADDRESS" });
    const ai = (await postOpenAi(
      { baseUrl: at("lan.example.test"), apiKey: null },
      "/embeddings",
      {},
      { retries: 0, dispatcher: dispatcher("loopback") },
    ).catch((e: unknown) => e)) as AppError;
    expect(ai.code).toBe("OUTBOUND_ADDRESS_REFUSED");
    expect(errorBody(ai, "en").suggestion).toMatch(/OUTBOUND_ALLOW_PRIVATE=true/);
    expect(errorBody(ai, "zh-CN").suggestion).toMatch(/OUTBOUND_ALLOW_PRIVATE/);
    expect(internal.connections()).toBe(before);
  });

  it("SMTP: the host is resolved and checked before nodemailer connects", async () => {
    const before = internal.connections();
    const config = { host: "bridge.example.test", port: internal.port, secure: false, from: "bot@example.com", to: ["ops@example.com"] };
    const mail = { to: ["ops@example.com"], subject: "s", text: "t", html: "<p>t</p>" };
    await expect(sendEmail(config, mail, { access: "none", resolve })).rejects.toThrow(/OUTBOUND_ALLOW_PRIVATE=loopback/);
    await expect(sendEmail({ ...config, host: "metadata.example.test" }, mail, { access: "all", resolve })).rejects.toThrow(/never/);
    expect(internal.connections()).toBe(before);
  });

  it("S3: a refused IP-literal endpoint fails at creation, a name is checked on every connection", async () => {
    const s3 = { bucket: "b", region: "us-east-1", accessKeyId: "k", secretAccessKey: "s", forcePathStyle: true };
    expect(() => createS3Storage({ ...s3, endpoint: "http://169.254.169.254" }, { access: "all" })).toThrow(/S3_ENDPOINT/);
    const before = internal.connections();
    const storage = createS3Storage({ ...s3, endpoint: at("bridge.example.test") }, { access: "none", resolve });
    await expect(storage.put("a/b.png", new Uint8Array([1]), "image/png")).rejects.toThrow(/refused|OUTBOUND_ALLOW_PRIVATE/);
    expect(internal.connections()).toBe(before);
  });
});
