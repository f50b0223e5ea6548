import { describe, expect, it } from "vitest";
import { publisherUrlProblem } from "@/lib/publishing/publisher-url";

describe("publisher URL policy", () => {
  it("refuses non-http schemes whatever the flag", () => {
    for (const url of ["javascript:alert(1)", "file:///etc/passwd", "ftp://x.example.com", "gopher://x", "not a url"]) {
      expect(publisherUrlProblem(url, true), url).not.toBeNull();
    }
  });

  it("always refuses cloud metadata and link-local addresses", () => {
    for (const url of [
      "http://169.254.169.254/latest/meta-data",
      "http://100.100.100.200/",
      "http://metadata.google.internal/",
      "http://[fe80::1]/",
      "http://[::ffff:169.254.169.254]/",
    ]) {
      expect(publisherUrlProblem(url, true), url).toMatch(/metadata|link-local/);
      expect(publisherUrlProblem(url, "all"), url).toMatch(/never/);
    }
  });

  it("refuses private and loopback addresses unless allowed, naming the setting that allows them", () => {
    for (const url of [
      "http://127.0.0.1:18060",
      "http://localhost:18060",
      "http://10.1.2.3/",
      "http://192.168.1.5/",
      "http://172.20.0.1/",
      "http://[::1]:8080/",
      "http://[fd00::5]/",
      "http://[::ffff:10.0.0.1]/",
      "http://100.64.0.1/",
    ]) {
      expect(publisherUrlProblem(url, false), url).toMatch(/OUTBOUND_ALLOW_PRIVATE=(loopback|true)/);
      expect(publisherUrlProblem(url, "none"), url).toMatch(/OUTBOUND_ALLOW_PRIVATE/);
      expect(publisherUrlProblem(url, true), url).toBeNull();
    }
  });

  it("with loopback access allows this machine (the bridge's documented default) but not the network", () => {
    for (const url of ["http://127.0.0.1:18060", "http://localhost:18060", "http://[::1]:18060/", "http://bridge.localhost:18060/"])
      expect(publisherUrlProblem(url, "loopback"), url).toBeNull();
    for (const url of ["http://10.1.2.3/", "http://192.168.1.5/", "http://nas.local/", "http://[fd00::5]/"])
      expect(publisherUrlProblem(url, "loopback"), url).toMatch(/OUTBOUND_ALLOW_PRIVATE=true/);
    expect(publisherUrlProblem("http://169.254.169.254/", "loopback")).toMatch(/never/);
  });

  it("accepts public http(s) URLs and refuses credentials in the URL", () => {
    expect(publisherUrlProblem("https://hooks.example.com/redmatrix", false)).toBeNull();
    expect(publisherUrlProblem("http://172.32.0.1/", false)).toBeNull();
    expect(publisherUrlProblem("https://user:pass@hooks.example.com/", false)).toMatch(/credentials/);
  });
});
