/** Reads a JSON body with a size cap; bad JSON and oversized bodies become clear 4xx errors. */
import { AppError } from "@/lib/errors/app-error";

export const defaultMaxBodyBytes = 1024 * 1024;

export async function readJson(req: Request, maxBytes = defaultMaxBodyBytes): Promise<unknown> {
  const declared = Number(req.headers.get("content-length") ?? 0);
  if (declared > maxBytes) throw new AppError("PAYLOAD_TOO_LARGE");
  const text = await req.text();
  if (Buffer.byteLength(text) > maxBytes) throw new AppError("PAYLOAD_TOO_LARGE");
  if (text.trim() === "") return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("INVALID_JSON");
  }
}
