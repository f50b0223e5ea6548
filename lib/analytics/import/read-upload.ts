/** Reads an uploaded export from a request body (raw bytes), refusing more than 50 MB before reading it all. */
import { AppError } from "@/lib/errors/app-error";
import { maxImportBytes } from "./decode-file";

export async function readUpload(req: Request): Promise<Uint8Array> {
  const declared = Number(req.headers.get("content-length") ?? 0);
  if (declared > maxImportBytes) throw new AppError("IMPORT_TOO_LARGE");
  if (!req.body) throw new AppError("IMPORT_UNREADABLE", { detail: "empty body" });
  const reader = req.body.getReader();
  const parts: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxImportBytes) {
      await reader.cancel();
      throw new AppError("IMPORT_TOO_LARGE");
    }
    parts.push(value);
  }
  if (size === 0) throw new AppError("IMPORT_UNREADABLE", { detail: "empty file" });
  return Buffer.concat(parts);
}
