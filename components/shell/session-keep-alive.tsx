"use client";
/**
 * Keeps the session of someone at work alive. The session cookie lasts a week from its last
 * renewal, and Auth.js renews it whenever its session endpoint is read; pages cannot set
 * cookies and no proxy runs in front of them, so the shell reads that endpoint when it mounts
 * and then hourly, at most once an hour per browser.
 */
import { useEffect } from "react";

const renewedAtKey = "redmatrix.session-renewed-at";
const everyMs = 60 * 60 * 1000;

function renewWhenDue() {
  if (Date.now() - Number(localStorage.getItem(renewedAtKey) ?? 0) < everyMs) return;
  fetch("/api/auth/session", { cache: "no-store" }).then(
    (res) => res.ok && localStorage.setItem(renewedAtKey, String(Date.now())),
    () => {}, // offline: the next hour tries again
  );
}

export function SessionKeepAlive() {
  useEffect(() => {
    renewWhenDue();
    const timer = setInterval(renewWhenDue, everyMs);
    return () => clearInterval(timer);
  }, []);
  return null;
}
