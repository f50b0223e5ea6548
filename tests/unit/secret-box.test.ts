import { describe, expect, it } from "vitest";
import { formatKeyRing, generateKey, KeyRingError, parseKeyRing, withCurrentKey } from "@/lib/security/crypto/key-ring";
import { DecryptionError, decryptSecret, encryptSecret, keyIdOf, reencryptSecret } from "@/lib/security/crypto/secret-box";

const k1 = generateKey();
const ring = parseKeyRing(formatKeyRing([k1]));

describe("secret box (AES-256-GCM with a key ring)", () => {
  it("round-trips unicode and empty values", () => {
    for (const text of ["bridge-token-123", "小红书 密钥 🔐", ""]) expect(decryptSecret(ring, encryptSecret(ring, text))).toBe(text);
  });

  it("gives different ciphertexts for the same plaintext (random IV) and never contains it", () => {
    const a = encryptSecret(ring, "same secret value");
    const b = encryptSecret(ring, "same secret value");
    expect(a).not.toBe(b);
    expect(a).not.toContain("same secret");
    expect(keyIdOf(a)).toBe("k1");
  });

  it("refuses a tampered ciphertext", () => {
    const value = encryptSecret(ring, "do not touch");
    const body = Buffer.from(value.split(":")[3], "base64url");
    body[14] ^= 0x01;
    const tampered = `enc:v1:k1:${body.toString("base64url")}`;
    expect(() => decryptSecret(ring, tampered)).toThrow(DecryptionError);
    expect(() => decryptSecret(ring, value.slice(0, 20))).toThrow(DecryptionError);
  });

  it("names the missing key when a value was written with a key that is not in the ring", () => {
    const other = parseKeyRing(formatKeyRing([{ id: "k9", key: generateKey().key }]));
    expect(() => decryptSecret(ring, encryptSecret(other, "x"))).toThrow(/key "k9".*not in the key ring/);
  });

  it("refuses a value moved to another key's prefix (the key id is authenticated)", () => {
    const two = withCurrentKey(ring, { id: "k2", key: k1.key });
    const value = encryptSecret(ring, "bound to k1");
    expect(() => decryptSecret(two, value.replace("enc:v1:k1:", "enc:v1:k2:"))).toThrow(DecryptionError);
  });

  it("re-encrypts to the current key after rotation and keeps old values readable", () => {
    const old = encryptSecret(ring, "rotate me");
    const rotated = withCurrentKey(ring, generateKey(["k1"]));
    expect(rotated.current.id).toBe("k2");
    expect(decryptSecret(rotated, old)).toBe("rotate me");
    const next = reencryptSecret(rotated, old)!;
    expect(keyIdOf(next)).toBe("k2");
    expect(decryptSecret(rotated, next)).toBe("rotate me");
    expect(reencryptSecret(rotated, next)).toBeNull();
  });

  it("rejects malformed key rings with a clear message", () => {
    expect(() => parseKeyRing("")).toThrow(KeyRingError);
    expect(() => parseKeyRing("k1:dG9vLXNob3J0")).toThrow(/32 bytes/);
    expect(() => parseKeyRing(`${formatKeyRing([k1])},${formatKeyRing([k1])}`)).toThrow(/listed twice/);
    expect(() => parseKeyRing("no-colon")).toThrow(/id:base64key/);
  });
});
