import { describe, expect, it } from "vitest";
import { pickSelectedAccountId } from "@/lib/accounts/selected-account";

describe("selected account (URL first, then cookie)", () => {
  it("prefers the URL, lets ?account=all clear a remembered choice, and falls back to the cookie", () => {
    expect(pickSelectedAccountId("acc_url", "acc_cookie")).toBe("acc_url");
    expect(pickSelectedAccountId("all", "acc_cookie")).toBeNull();
    expect(pickSelectedAccountId(undefined, "acc_cookie")).toBe("acc_cookie");
    expect(pickSelectedAccountId("", "acc_cookie")).toBe("acc_cookie");
    expect(pickSelectedAccountId(["acc_a", "acc_b"], undefined)).toBe("acc_a");
    expect(pickSelectedAccountId(undefined, "all")).toBeNull();
    expect(pickSelectedAccountId(undefined, undefined)).toBeNull();
  });
});
