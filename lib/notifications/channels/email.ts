/**
 * Email over SMTP (nodemailer): plain text plus a simple HTML version, to a fixed list of
 * recipients. The SMTP host is resolved and checked against the outbound address policy first
 * and nodemailer connects to that checked address (the name stays the TLS server name), so a
 * name that resolves to a refused address never gets a connection. Failures are reported as a
 * classified reason with the SMTP reply code, never the server's reply text.
 */
import nodemailer from "nodemailer";
import { z } from "zod";
import { getEnv } from "@/lib/env";
import type { PrivateAccess } from "@/lib/http/address-policy";
import { assertHostAllowed, RefusedAddressError, type Resolve } from "@/lib/http/safe-dispatcher";
import { publisherUrlProblem } from "@/lib/publishing/publisher-url";
import { ChannelSendError, type ChannelSender } from "./types";

const hostSchema = z
  .string()
  .trim()
  .min(1, "Required")
  .max(253)
  .regex(/^[a-zA-Z0-9.\-:[\]]+$/, "Not a valid host name")
  .superRefine((host, ctx) => {
    // Same SSRF policy as publisher URLs: the server opens this connection.
    const problem = publisherUrlProblem(
      `http://${host.includes(":") && !host.startsWith("[") ? `[${host}]` : host}/`,
      getEnv().outbound.privateAccess,
    );
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });

export const emailConfigSchema = z
  .object({
    host: hostSchema,
    port: z.coerce.number().int().min(1).max(65535).default(465),
    /** true: TLS from the first byte (465); false: plain, upgraded with STARTTLS when offered (587/25). */
    secure: z.boolean().default(true),
    user: z.string().trim().max(200).optional(),
    password: z.string().max(200).optional(),
    from: z.email("Not a valid email address"),
    to: z.array(z.email("Not a valid email address")).min(1, "At least one recipient").max(20),
  })
  .strict();

export type EmailConfig = z.infer<typeof emailConfigSchema>;
export type Email = {
  to: string[];
  subject: string;
  text: string;
  html: string;
  attachments?: { filename: string; content: string | Buffer; contentType: string }[];
};

const smtpReasons: Record<string, string> = {
  EAUTH: "the server refused the login",
  ENOAUTH: "the server wants a login",
  EENVELOPE: "the server refused the sender or a recipient",
  EMESSAGE: "the server refused the message",
  ETLS: "the TLS handshake failed",
  ETIMEDOUT: "timed out",
  ECONNECTION: "could not connect",
  ESOCKET: "could not connect",
  EDNS: "the host name does not resolve",
};

/** `SMTP: <reply code> <our reason>`: the reply text is the remote's and is not passed on. */
function smtpFailure(error: unknown): ChannelSendError {
  const e = error as { code?: string; responseCode?: number };
  const reason = (e.code && smtpReasons[e.code]) ?? "send failed";
  return new ChannelSendError(`SMTP: ${e.responseCode ? `${e.responseCode} ` : ""}${reason}`);
}

/** One email through the channel's SMTP server (its from address), to any recipients. */
export async function sendEmail(
  config: EmailConfig,
  mail: Email,
  options: { access?: PrivateAccess; resolve?: Resolve } = {},
): Promise<void> {
  let address: string;
  try {
    [{ address }] = await assertHostAllowed(config.host, options.access ?? getEnv().outbound.privateAccess, options.resolve);
  } catch (error) {
    throw new ChannelSendError(error instanceof RefusedAddressError ? `SMTP: ${error.message}` : "SMTP: the host name does not resolve");
  }
  const host = config.host.replace(/^\[|\]$/g, "");
  const transport = nodemailer.createTransport({
    host: address,
    // Certificates are checked against the name, not the address we connect to.
    tls: { servername: host },
    port: config.port,
    secure: config.secure,
    auth: config.user ? { user: config.user, pass: config.password ?? "" } : undefined,
    connectionTimeout: 8_000,
    greetingTimeout: 8_000,
    socketTimeout: 10_000,
  });
  try {
    await transport.sendMail({
      from: config.from,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      attachments: mail.attachments,
    });
  } catch (error) {
    throw smtpFailure(error);
  } finally {
    transport.close();
  }
}

export const email: ChannelSender<typeof emailConfigSchema> = {
  kind: "email",
  configSchema: emailConfigSchema,
  secretFields: ["password"],
  send: (config, message) => sendEmail(config, { to: config.to, subject: message.title, text: message.text, html: message.html }),
};
