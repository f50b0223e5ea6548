/**
 * Bytes of an uploaded export -> text. UTF-8 (with or without BOM) first; a file that is not
 * valid UTF-8 is decoded as GBK, which is what Excel on Chinese Windows writes ("CSV" save).
 */
export type DecodedFile = { text: string; encoding: "utf-8" | "gbk" };

export const maxImportBytes = 50 * 1024 * 1024;

export function decodeFile(bytes: Uint8Array): DecodedFile {
  const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = hasBom ? bytes.subarray(3) : bytes;
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(body), encoding: "utf-8" };
  } catch {
    return { text: new TextDecoder("gbk").decode(body), encoding: "gbk" };
  }
}
