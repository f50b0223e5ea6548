import { describe, expect, it } from "vitest";
import { assertSafeKey, thumbnailKey } from "@/lib/media/media-key";
import { mediaUrl, thumbnailUrl } from "@/lib/media/media-urls";

describe("media URLs and keys", () => {
  it("maps one of our originals to its thumbnail and leaves other URLs alone", () => {
    expect(thumbnailUrl(mediaUrl("med_abc-1"))).toBe("/api/v1/media/med_abc-1/thumb");
    expect(thumbnailUrl("https://cdn.example.com/a.jpg")).toBe("https://cdn.example.com/a.jpg");
    expect(thumbnailUrl("/api/v1/media/../x/file")).toBe("/api/v1/media/../x/file");
  });

  it("puts a thumbnail beside its original as WebP, and refuses keys we did not make", () => {
    expect(thumbnailKey("ws_1/med_2.jpg")).toBe("ws_1/med_2_thumb.webp");
    expect(thumbnailKey("ws_1/med_2.gif")).toBe("ws_1/med_2_thumb.webp");
    expect(() => assertSafeKey("ws/../../etc/passwd.png")).toThrow(/unsafe media key/);
    expect(() => thumbnailKey("/abs/med.png")).toThrow(/unsafe media key/);
  });
});
