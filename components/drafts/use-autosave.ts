"use client";
/**
 * Autosave: debounced (1.5 s after typing stops), on blur and before unload. Each save carries
 * the version it was based on; a 409 stops saving and hands over the server copy for the
 * conflict view. Offline or refused saves keep the edits in localStorage and retry.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import type { DraftImage } from "@/lib/drafts/doc-types";
import type { DraftView } from "@/lib/drafts/get-draft";
import type { DraftDoc } from "@/lib/drafts/doc-types";
import { draftApi, type ApiError } from "./draft-api";
import { clearLocalCopy, writeLocalCopy } from "./local-copy";

export type SaveStatus = "saved" | "dirty" | "saving" | "offline" | "conflict" | "too_large" | "error";
export type Content = { title: string; doc: DraftDoc; accountIds: string[]; images: DraftImage[] };

export const autosaveDelayMs = 1500;
const retryMs = 5000;
/** Above this the request would be refused (1 MB body limit): keep it local and say so. */
const maxRequestBytes = 1_000_000;
/** Browsers refuse keepalive requests over 64 KiB (UTF-8 bytes, not characters). */
const keepaliveMaxBytes = 60_000;

export function useAutosave(slug: string, draftId: string, initialVersion: number) {
  const [status, setStatus] = useState<SaveStatus>("saved");
  const [conflict, setConflict] = useState<DraftView | null>(null);
  const [lastError, setLastError] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState<DraftView | null>(null);
  const version = useRef(initialVersion);
  const latest = useRef<Content | null>(null);
  const dirty = useRef(false);
  const inFlight = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const halted = useRef(false);

  const flush = useCallback(
    async (options: { keepalive?: boolean } = {}) => {
      if (timer.current) clearTimeout(timer.current);
      timer.current = null;
      if (!dirty.current || !latest.current || halted.current) return;
      if (inFlight.current) return; // The running save re-checks `dirty` when it ends.
      const content = latest.current;
      const body = { baseVersion: version.current, ...content };
      const bytes = new TextEncoder().encode(JSON.stringify(body)).length;
      if (bytes > maxRequestBytes) {
        setStatus("too_large");
        return;
      }
      inFlight.current = true;
      dirty.current = false;
      setStatus("saving");
      const res = await draftApi<{ draft: DraftView }>(slug, `/drafts/${draftId}`, {
        method: "PUT",
        body,
        keepalive: options.keepalive && bytes < keepaliveMaxBytes,
      });
      inFlight.current = false;
      if (res.ok) {
        version.current = res.data.draft.version;
        setSaved(res.data.draft);
        setLastError(null);
        if (latest.current === content) clearLocalCopy(draftId);
        if (dirty.current) return void flush();
        setStatus("saved");
        return;
      }
      dirty.current = true;
      if (res.status === 409 && res.error.code === "DRAFT_CONFLICT") {
        halted.current = true;
        setConflict(res.error.details?.current as DraftView);
        setStatus("conflict");
        return;
      }
      setLastError(res.error);
      if (res.status === 413) return setStatus("too_large");
      setStatus(res.offline || res.status >= 500 ? "offline" : "error");
      if (res.offline || res.status >= 500) timer.current = setTimeout(() => void flush(), retryMs);
    },
    [slug, draftId],
  );

  const change = useCallback(
    (content: Content) => {
      latest.current = content;
      dirty.current = true;
      writeLocalCopy(draftId, { baseVersion: version.current, ...content, at: Date.now() });
      if (halted.current) return;
      setStatus((s) => (s === "offline" ? s : "dirty"));
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), autosaveDelayMs);
    },
    [draftId, flush],
  );

  /** After the person chose in the conflict view: continue from the server's version. */
  const resolve = useCallback(
    (serverVersion: number, keep: Content | null) => {
      version.current = serverVersion;
      halted.current = false;
      setConflict(null);
      if (keep) {
        latest.current = keep;
        dirty.current = true;
        void flush();
      } else {
        dirty.current = false;
        clearLocalCopy(draftId);
        setStatus("saved");
      }
    },
    [draftId, flush],
  );

  useEffect(() => {
    const online = () => void flush();
    const beforeUnload = (e: BeforeUnloadEvent) => {
      if (!dirty.current) return;
      void flush({ keepalive: true });
      e.preventDefault();
    };
    window.addEventListener("online", online);
    window.addEventListener("beforeunload", beforeUnload);
    return () => {
      window.removeEventListener("online", online);
      window.removeEventListener("beforeunload", beforeUnload);
    };
  }, [flush]);

  return {
    status,
    conflict,
    lastError,
    saved,
    change,
    flush,
    resolve,
    version,
    showConflict: (current: DraftView) => {
      halted.current = true;
      setConflict(current);
      setStatus("conflict");
    },
  };
}
