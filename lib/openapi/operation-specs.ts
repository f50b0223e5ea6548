/** The hand-written prose of every documented operation, gathered from the per-domain files in ./paths. */
import { accountPaths } from "./paths/accounts";
import { competitorsPaths } from "./paths/competitors";
import { draftsPaths } from "./paths/drafts";
import { foundationPaths } from "./paths/foundation";
import { memoriesPaths } from "./paths/memories";
import { notificationChannelsPaths } from "./paths/notification-channels";
import { schedulingPaths } from "./paths/scheduling";
import { seriesPaths } from "./paths/series";
import type { HttpMethod, OperationSpec, PathSpecs } from "./types";

const allPaths: PathSpecs[] = [
  foundationPaths,
  accountPaths,
  competitorsPaths,
  draftsPaths,
  memoriesPaths,
  schedulingPaths,
  seriesPaths,
  notificationChannelsPaths,
];

export function findOperationSpec(path: string, method: HttpMethod): OperationSpec | undefined {
  for (const group of allPaths) {
    const spec = group[path]?.[method.toLowerCase() as Lowercase<HttpMethod>];
    if (spec) return spec;
  }
  return undefined;
}

/** Every operation with prose, as "METHOD /path" (a test checks each one is a real route). */
export function describedOperations(): string[] {
  return allPaths.flatMap((group) =>
    Object.entries(group).flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`)),
  );
}
