"use client";
/**
 * False while the server renders and while React hydrates that HTML; true from the render
 * right after hydration, and at once on client-side navigations (nothing to match then).
 */
import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}
