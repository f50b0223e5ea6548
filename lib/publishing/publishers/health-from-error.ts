/**
 * An outbound failure during a health check -> a classified health answer. The message is ours
 * (what kind of failure, which setting to change), never what the remote said.
 */
import { OutboundError } from "@/lib/http/resilient-fetch";
import type { HealthResult } from "./types";

export function healthFromError(error: unknown, who: "Bridge" | "Receiver"): HealthResult {
  if (error instanceof OutboundError) {
    if (error.kind === "circuit_open")
      return { ok: false, code: "circuit_open", loggedIn: null, message: `${who} unreachable: ${error.message}` };
    if (error.kind === "refused_address") return { ok: false, code: "refused_address", loggedIn: null, message: error.message };
    if (error.kind === "redirect")
      return {
        ok: false,
        code: "redirect_refused",
        loggedIn: null,
        message: `${who} answered with a redirect, which is not followed: use the final URL`,
      };
    return { ok: false, code: "unreachable", loggedIn: null, message: `${who} unreachable: ${error.message}` };
  }
  return { ok: false, code: "unreachable", loggedIn: null, message: `${who} unreachable` };
}
