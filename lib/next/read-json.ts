/** Reads a JSON body with a size cap; bad JSON and oversized bodies become clear 4xx errors. */
import { AppError } from "@/lib/errors/app-error";

export const defaultMaxBodyBytes = 1024 * 1024;

/** The raw body text, refused past `maxBytes` (declared or actual). */
export async function readJsonText(req: Request, maxBytes = defaultMaxBodyBytes): Promise<string> {
  const declared = Number(req.headers.get("content-length") ?? 0);
  if (declared > maxBytes) throw new AppError("PAYLOAD_TOO_LARGE");
  const text = await req.text();
  if (Buffer.byteLength(text) > maxBytes) throw new AppError("PAYLOAD_TOO_LARGE");
  return text;
}

export async function readJson(req: Request, maxBytes = defaultMaxBodyBytes): Promise<unknown> {
  const text = await readJsonText(req, maxBytes);
  if (text.trim() === "") return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("INVALID_JSON");
  }
}
