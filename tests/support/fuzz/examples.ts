/**
 * Inputs every run tries first (fast-check `examples`), whatever the seed: the classes of
 * hostile input that broke this codebase before, applied to every route generically — a NUL
 * and a lone surrogate in every query parameter, ids from the other workspace in every id
 * parameter, a minimal valid body whose strings all carry a lone surrogate, and the same body
 * with every object or array field nested 1,500 levels deep.
 */
import { nested } from "./hostile";
import type { RouteTarget } from "./targets";

type Schema = Record<string, any>;
export type RouteExample = { params: Record<string, string>; rawQuery?: string; body?: string; contentType?: string };

/** The smallest value `schema` accepts, with `text` in every free string and `id` in every id. */
export function minimalValid(schema: Schema, text: string, id: string, defs: Schema = schema.$defs ?? {}, key = "", depth = 0): unknown {
  if (!schema || depth > 6) return text;
  if (schema.$ref) return minimalValid(defs[String(schema.$ref).replace("#/$defs/", "")] ?? {}, text, id, defs, key, depth + 1);
  if ("const" in schema) return schema.const;
  if (schema.enum) return schema.enum[0];
  const alternatives = (schema.anyOf ?? schema.oneOf) as Schema[] | undefined;
  if (alternatives) return minimalValid(alternatives.find((s) => s.type !== "null") ?? alternatives[0], text, id, defs, key, depth + 1);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case "object":
      return Object.fromEntries(
        Object.entries((schema.properties ?? {}) as Record<string, Schema>).map(([k, s]) => [
          k,
          minimalValid(s, text, id, defs, k, depth + 1),
        ]),
      );
    case "array":
      return Array.from({ length: Math.max(1, schema.minItems ?? 1) }, () =>
        minimalValid(schema.items ?? {}, text, id, defs, key, depth + 1),
      );
    case "string": {
      if (schema.pattern) return "abc_123";
      if (schema.format === "email") return "fuzz@example.com";
      if (schema.format === "uri") return "https://example.com/x";
      const value = /id$/i.test(key) || /ids$/i.test(key) ? id : text;
      return value.padEnd(schema.minLength ?? 0, "号").slice(0, schema.maxLength ?? 10_000);
    }
    case "integer":
    case "number":
      return schema.minimum ?? 1;
    case "boolean":
      return true;
    case "null":
      return null;
    default:
      return text;
  }
}

/** One id per kind (the prefix before "_"): the real objects worth aiming each example at. */
export function onePerKind(ids: string[]): string[] {
  const byKind = new Map<string, string>();
  for (const id of ids) if (!byKind.has(id.split("_")[0])) byKind.set(id.split("_")[0], id);
  return [...byKind.values()];
}

export function routeExamples(
  target: RouteTarget,
  ownByResource: Record<string, string>,
  fallbackId: string,
  foreignIds: string[],
  uploadBody: string,
): RouteExample[] {
  const params = (id: string) => Object.fromEntries(target.params.map((p) => [p, id]));
  const keys = target.queryKeys.length ? target.queryKeys : ["q"];
  // The real object of this route's resource (a draft for /drafts/{id}/...), so writes land.
  const ownId = ownByResource[target.path.split("/")[1]] ?? fallbackId;
  const aimed = [ownId];
  // One hostile parameter at a time: several at once would stop at the first one's 400.
  const upload = target.method === "POST" && !target.body ? { body: uploadBody, contentType: "text/csv" } : {};
  const out: RouteExample[] = [
    ...aimed.flatMap((id) => keys.map((k) => ({ params: params(id), rawQuery: `${k}=a%00b` }))),
    ...keys.map((k) => ({ params: params(ownId), rawQuery: `${k}=x%ED%A0%80y` })),
    ...(target.params.length ? foreignIds.map((id) => ({ params: params(id) })) : []),
  ];
  for (const k of keys.filter((key) => /id$/i.test(key))) {
    for (const id of foreignIds) out.push({ params: params(ownId), rawQuery: `${k}=${encodeURIComponent(id)}&fileName=x.csv`, ...upload });
  }
  if (target.body && target.method !== "GET") {
    for (const id of aimed) {
      for (const payload of hostilePayloads(target.body, id))
        out.push({ params: params(id), body: JSON.stringify(payload), contentType: "application/json" });
    }
  }
  return out;
}

/** A minimal valid value with lone surrogates, the same with NUL and bidi marks, and a deep one. */
export function hostilePayloads(schema: Schema, id: string): unknown[] {
  const body = minimalValid(schema, "x\ud800y", id);
  const out = [body, minimalValid(schema, "a\u0000b\u202e\u200b\ufeff", id)];
  if (body && typeof body === "object" && !Array.isArray(body)) {
    out.push(
      Object.fromEntries(
        Object.entries(body).map(([k, v]) => [
          k,
          v && typeof v === "object" ? { ...(Array.isArray(v) ? {} : v), content: [nested(1_500, "node")] } : v,
        ]),
      ),
    );
  }
  return out;
}
