/**
 * The publisher registry. Adding a publisher = one module implementing `Publisher` (types.ts)
 * plus one line here; see docs/publishers.md.
 */
import type { Publisher } from "./types";
import { sandboxPublisher } from "./sandbox";
import { webhookPublisher } from "./webhook";
import { xhsBridgePublisher } from "./xhs-bridge";

export const publishers = [xhsBridgePublisher, webhookPublisher, sandboxPublisher] as unknown as readonly Publisher[];

export const publisherIds = publishers.map((p) => p.id) as [string, ...string[]];

export function getPublisher(id: string): Publisher | null {
  return publishers.find((p) => p.id === id) ?? null;
}
