/**
 * Reads a JSON body with a size cap, then through the input gate (shape limits, well-formed
 * text): bad JSON, oversized and hostile bodies become clear 4xx errors, never a 500.
 */
import { AppError } from "@/lib/errors/app-error";
import { assertSafeInput } from "@/lib/validation/untrusted-input";

export const defaultMaxBodyBytes = 1024 * 1024;

/** The raw body text, refused past `maxBytes` (declared or actual). */
export async function readJsonText(req: Request, maxBytes = defaultMaxBodyBytes): Promise<string> {
  const declared = Number(req.headers.get("content-length") ?? 0);
  if (declared > maxBytes) throw new AppError("PAYLOAD_TOO_LARGE");
  const text = await req.text();
  if (Buffer.byteLength(text) > maxBytes) throw new AppError("PAYLOAD_TOO_LARGE");
  return text;
}

/** JSON text -> a value that passed the input gate. A body of nothing is `{}`. */
export function parseJsonText(text: string): unknown {
  if (text.trim() === "") return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    // Also V8's own "too much recursion" on absurd nesting: still not valid input.
    throw new AppError("INVALID_JSON");
  }
  return assertSafeInput(value);
}

export async function readJson(req: Request, maxBytes = defaultMaxBodyBytes): Promise<unknown> {
  return parseJsonText(await readJsonText(req, maxBytes));
}
