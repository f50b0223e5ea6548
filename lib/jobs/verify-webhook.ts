/**
 * The common front of every QStash-called webhook: bounded body, signature over our public URL
 * (what QStash and the embedded dispatcher both sign), then a zod-validated JSON payload.
 * Invalid signatures are 401 and change nothing; bad payloads are 400. Never a 500.
 */
import type { z } from "zod";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";
import { parseJsonText, readJsonText } from "@/lib/next/read-json";
import { verifyQstashRequest } from "./qstash-signature";
import { signingKeys } from "./signing-keys";

export async function verifyWebhook<S extends z.ZodType>(req: Request, path: string, schema: S): Promise<z.infer<S>> {
  const body = await readJsonText(req, 64 * 1024);
  const url = `${getEnv().appUrl}${path}`;
  if (!(await verifyQstashRequest({ signature: req.headers.get("upstash-signature"), url, body, keys: signingKeys() }))) {
    throw new AppError("INVALID_SIGNATURE");
  }
  return schema.parse(parseJsonText(body));
}
