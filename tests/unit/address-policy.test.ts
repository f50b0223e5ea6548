import { describe, expect, it } from "vitest";
import { classifyAddress, isClassAllowed, settingThatAllows, type AddressClass } from "@/lib/http/address-policy";

const cases: [string, AddressClass][] = [
  // IPv4
  ["8.8.8.8", "public"],
  ["172.32.0.1", "public"],
  ["127.0.0.1", "loopback"],
  ["127.10.20.30", "loopback"],
  ["10.0.0.1", "private"],
  ["172.16.5.4", "private"],
  ["172.31.255.255", "private"],
  ["192.168.1.1", "private"],
  ["100.64.0.1", "private"],
  ["100.127.255.254", "private"],
  ["169.254.169.254", "link_local"],
  ["169.254.170.2", "link_local"],
  ["100.100.100.200", "metadata"],
  ["168.63.129.16", "metadata"],
  ["0.0.0.0", "unspecified"],
  ["0.1.2.3", "unspecified"],
  ["224.0.0.1", "multicast"],
  ["255.255.255.255", "multicast"],
  ["240.0.0.1", "reserved"],
  ["192.0.2.10", "reserved"],
  // IPv6
  ["2606:4700:4700::1111", "public"],
  ["::1", "loopback"],
  ["::", "unspecified"],
  ["fc00::1", "private"],
  ["fd12:3456::1", "private"],
  ["fd00:ec2::254", "metadata"],
  ["fe80::1", "link_local"],
  ["febf::1", "link_local"],
  ["ff02::1", "multicast"],
  ["[::1]", "loopback"],
  ["fe80::1%eth0", "link_local"],
  // IPv6 forms carrying an IPv4 address are judged by that address
  ["::ffff:127.0.0.1", "loopback"],
  ["::ffff:7f00:1", "loopback"],
  ["::ffff:169.254.169.254", "link_local"],
  ["::ffff:a9fe:a9fe", "link_local"],
  ["::ffff:10.0.0.1", "private"],
  ["::ffff:100.100.100.200", "metadata"],
  ["::ffff:8.8.8.8", "public"],
  ["::127.0.0.1", "loopback"],
  ["64:ff9b::a9fe:a9fe", "link_local"],
  ["64:ff9b::808:808", "public"],
  ["2002:a9fe:a9fe::1", "link_local"],
  ["2002:0a00:0001::1", "private"],
  // not an address at all
  ["not-an-ip", "reserved"],
  ["256.1.1.1", "reserved"],
];

describe("address classification", () => {
  it.each(cases)("%s is %s", (address, expected) => {
    expect(classifyAddress(address)).toBe(expected);
  });
});

describe("what each access level allows", () => {
  const always: AddressClass[] = ["metadata", "link_local", "unspecified", "multicast", "reserved"];
  it("refuses metadata, link-local, unspecified, multicast and reserved at every level", () => {
    for (const cls of always)
      for (const access of ["none", "loopback", "all"] as const) expect(isClassAllowed(cls, access), `${cls} ${access}`).toBe(false);
    for (const cls of always) expect(settingThatAllows(cls)).toBeNull();
  });

  it("allows loopback from 'loopback' up, private only with 'all', public always", () => {
    expect([isClassAllowed("loopback", "none"), isClassAllowed("loopback", "loopback"), isClassAllowed("loopback", "all")]).toEqual([
      false,
      true,
      true,
    ]);
    expect([isClassAllowed("private", "none"), isClassAllowed("private", "loopback"), isClassAllowed("private", "all")]).toEqual([
      false,
      false,
      true,
    ]);
    expect([isClassAllowed("public", "none"), isClassAllowed("public", "loopback"), isClassAllowed("public", "all")]).toEqual([
      true,
      true,
      true,
    ]);
    expect(settingThatAllows("loopback")).toBe("OUTBOUND_ALLOW_PRIVATE=loopback");
    expect(settingThatAllows("private")).toBe("OUTBOUND_ALLOW_PRIVATE=true");
  });
});
