import { describe, expect, it } from "vitest";
import { isValidMediaSignature, signMediaUrls } from "@/lib/media/signed-media-url";

const secret = "unit-test-secret-unit-test-secret";
const signer = { appUrl: "https://app.example.com/", authSecret: secret, expiresAt: new Date("2026-09-01T10:00:00Z") };

describe("signed media URLs", () => {
  const [own, external] = signMediaUrls(["/api/v1/media/med_abc/file", "https://cdn.example.com/x.jpg"], signer);
  const query = new URL(own).searchParams;

  it("signs our own media on APP_URL and leaves other URLs alone", () => {
    expect(own).toMatch(/^https:\/\/app\.example\.com\/api\/v1\/media\/med_abc\/file\?expires=\d+&sig=[\w-]+$/);
    expect(external).toBe("https://cdn.example.com/x.jpg");
  });

  it("is valid until it expires, for its own id and secret only", () => {
    const valid = (id: string, at: string, key = secret, expires = query.get("expires")) =>
      isValidMediaSignature(id, expires, query.get("sig"), key, new Date(at));
    expect(valid("med_abc", "2026-09-01T09:59:00Z")).toBe(true);
    expect(valid("med_abc", "2026-09-01T10:00:01Z")).toBe(false);
    expect(valid("med_other", "2026-09-01T09:59:00Z")).toBe(false);
    expect(valid("med_abc", "2026-09-01T09:59:00Z", "another-secret")).toBe(false);
    expect(valid("med_abc", "2026-09-01T09:59:00Z", secret, String(Number(query.get("expires")) + 3600))).toBe(false);
  });
});
