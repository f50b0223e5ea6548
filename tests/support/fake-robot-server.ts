/**
 * A local stand-in for the DingTalk and WeCom robot webhooks, for tests and e2e. DingTalk
 * (`/robot/send`): checks access_token and, when a secret is set, recomputes the sign from the
 * timestamp and refuses stale or wrong ones (errcode 310000) as DingTalk does. WeCom
 * (`/cgi-bin/webhook/send`): checks key (errcode 93000). Can be told to answer an error, or to
 * hang (read the request, answer nothing until released or closed), as a stuck robot does.
 *
 * Written from the vendors' API references, not from our client:
 * - DingTalk custom robot, "安全设置 / 加签" (open.dingtalk.com/document/robots/customize-robot-security-settings):
 *   sign = urlencode(base64(HmacSHA256(secret, `${timestamp}\n${secret}`))), timestamp in ms and
 *   within one hour of the call; a wrong or stale one answers `{"errcode":310000,"errmsg":"sign not match"}`.
 * - WeCom 群机器人配置说明 (developer.work.weixin.qq.com/document/path/91770): POST
 *   `/cgi-bin/webhook/send?key=…`; an unknown key answers `{"errcode":93000,"errmsg":"invalid webhook url"}`.
 * Both answer HTTP 200 with the error in the body, as here.
 */
import { createHmac } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";

export type RobotMessage = { robot: "dingtalk" | "wecom"; body: Record<string, unknown>; query: Record<string, string> };

export interface FakeRobotServer {
  url: string;
  received: RobotMessage[];
  /** Answer every request with this errcode/errmsg (null: behave normally). */
  failWith(error: { errcode: number; errmsg: string } | null): void;
  /** true: hold every request unanswered (counted in `hanging`); false: release them, answering normally. */
  hang(on: boolean): void;
  hanging(): number;
  close(): Promise<void>;
}

export async function startFakeRobotServer(
  options: { dingtalkToken?: string; dingtalkSecret?: string; wecomKey?: string; port?: number } = {},
): Promise<FakeRobotServer> {
  const received: RobotMessage[] = [];
  let forced: { errcode: number; errmsg: string } | null = null;
  let hangOn = false;
  const held = new Set<() => void>();
  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    if (hangOn) {
      await new Promise<void>((resolve) => {
        held.add(resolve);
        res.on("close", () => held.delete(resolve));
      });
      if (res.destroyed) return;
    }
    const url = new URL(req.url ?? "/", "http://robot.local");
    const query = Object.fromEntries(url.searchParams);
    const answer = (body: Record<string, unknown>) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify(body));
    };
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as Record<string, unknown>;
    } catch {
      return answer({ errcode: 40035, errmsg: "invalid json" });
    }
    if (forced) return answer(forced);
    if (req.method === "POST" && url.pathname === "/robot/send") {
      if (query.access_token !== options.dingtalkToken) return answer({ errcode: 300001, errmsg: "token is not exist" });
      if (options.dingtalkSecret) {
        const timestamp = Number(query.timestamp);
        const expected = createHmac("sha256", options.dingtalkSecret).update(`${timestamp}\n${options.dingtalkSecret}`).digest("base64");
        if (!timestamp || Math.abs(Date.now() - timestamp) > 3_600_000) return answer({ errcode: 310000, errmsg: "invalid timestamp" });
        if (query.sign !== expected) return answer({ errcode: 310000, errmsg: "sign not match" });
      }
      received.push({ robot: "dingtalk", body, query });
      return answer({ errcode: 0, errmsg: "ok" });
    }
    if (req.method === "POST" && url.pathname === "/cgi-bin/webhook/send") {
      if (query.key !== options.wecomKey) return answer({ errcode: 93000, errmsg: "invalid webhook url" });
      received.push({ robot: "wecom", body, query });
      return answer({ errcode: 0, errmsg: "ok" });
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    failWith: (error) => {
      forced = error;
    },
    hang: (on) => {
      hangOn = on;
      if (!on) for (const release of [...held]) held.delete(release), release();
    },
    hanging: () => held.size,
    close: () => {
      hangOn = false;
      for (const release of [...held]) release();
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
