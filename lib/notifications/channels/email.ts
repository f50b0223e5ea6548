/** Email over SMTP (nodemailer): plain text plus a simple HTML version, to a fixed list of recipients. */
import nodemailer from "nodemailer";
import { z } from "zod";
import { getEnv } from "@/lib/env";
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
    const problem = publisherUrlProblem(`http://${host.includes(":") && !host.startsWith("[") ? `[${host}]` : host}/`, getEnv().allowPrivatePublisherUrls);
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
export type Email = { to: string[]; subject: string; text: string; html: string; attachments?: { filename: string; content: string | Buffer; contentType: string }[] };

/** One email through the channel's SMTP server (its from address), to any recipients. */
export async function sendEmail(config: EmailConfig, mail: Email): Promise<void> {
  const transport = nodemailer.createTransport({
    host: config.host,
    port: config.port,
    secure: config.secure,
    auth: config.user ? { user: config.user, pass: config.password ?? "" } : undefined,
    connectionTimeout: 8_000,
    greetingTimeout: 8_000,
    socketTimeout: 10_000,
  });
  try {
    await transport.sendMail({ from: config.from, to: mail.to, subject: mail.subject, text: mail.text, html: mail.html, attachments: mail.attachments });
  } catch (error) {
    const e = error as { response?: string; message?: string };
    throw new ChannelSendError(`SMTP: ${(e.response ?? e.message ?? "send failed").slice(0, 300)}`);
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
