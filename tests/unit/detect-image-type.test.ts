import { describe, expect, it } from "vitest";
import { detectImageType } from "@/lib/media/detect-image-type";

const bytes = (...parts: (number[] | string)[]) =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === "string" ? [...p].map((c) => c.charCodeAt(0)) : p)));

describe("image type from magic bytes", () => {
  it("recognises JPEG, PNG, WebP and GIF by content", () => {
    expect(detectImageType(bytes([0xff, 0xd8, 0xff, 0xe0], "JFIF"))).toBe("image/jpeg");
    expect(detectImageType(bytes([0x89], "PNG", [0x0d, 0x0a, 0x1a, 0x0a, 0, 0]))).toBe("image/png");
    expect(detectImageType(bytes("RIFF", [0x10, 0, 0, 0], "WEBPVP8 "))).toBe("image/webp");
    expect(detectImageType(bytes("GIF89a", [1, 0]))).toBe("image/gif");
  });

  it("refuses executables, scripts and look-alikes whatever they are called", () => {
    expect(detectImageType(bytes("MZ", [0x90, 0, 3, 0]))).toBeNull(); // Windows .exe
    expect(detectImageType(bytes([0x7f], "ELF", [2, 1, 1]))).toBeNull();
    expect(detectImageType(bytes("<svg onload=alert(1)>"))).toBeNull();
    expect(detectImageType(bytes("RIFF", [0, 0, 0, 0], "WAVEfmt "))).toBeNull();
    expect(detectImageType(bytes([0xff, 0xd8]))).toBeNull();
    expect(detectImageType(new Uint8Array())).toBeNull();
  });
});
