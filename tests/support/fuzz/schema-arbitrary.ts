/**
 * Near-valid values from a JSON Schema (the OpenAPI document's request schemas): the right
 * shape, so the input gets past validation into the code behind it, with hostile leaves —
 * strings full of surrogates, NULs and bidi marks (cut to the allowed length), extreme numbers,
 * real ids from other workspaces. With `wrongTypes`, some leaves get a value of another type.
 */
import fc from "fast-check";
import { anyLeaf, deepValue, hostileNumber, hostileString, pollutingObject } from "./hostile";

type Schema = Record<string, any>;
export type SchemaArbOptions = { ids: fc.Arbitrary<string>; wrongTypes: boolean };

const maxRefDepth = 3;

export function schemaArbitrary(root: Schema, options: SchemaArbOptions): fc.Arbitrary<unknown> {
  const defs: Record<string, Schema> = root.$defs ?? {};
  const build = (schema: Schema, key: string, refDepth: number): fc.Arbitrary<unknown> => {
    const valid = buildValid(schema, key, refDepth);
    if (!options.wrongTypes) return valid;
    return fc.oneof({ weight: 5, arbitrary: valid }, { weight: 1, arbitrary: anyLeaf });
  };

  const buildValid = (schema: Schema, key: string, refDepth: number): fc.Arbitrary<unknown> => {
    if (!schema || typeof schema !== "object" || Object.keys(schema).length === 0) return anyLeaf;
    if (schema.$ref) {
      const target = defs[String(schema.$ref).replace("#/$defs/", "")];
      if (!target || refDepth >= maxRefDepth) return fc.oneof(anyLeaf, deepValue);
      return build(target, key, refDepth + 1);
    }
    if ("const" in schema) return fc.constant(schema.const);
    if (schema.enum) return fc.constantFrom(...(schema.enum as unknown[]));
    const alternatives = (schema.anyOf ?? schema.oneOf) as Schema[] | undefined;
    if (alternatives) return fc.oneof(...alternatives.map((s) => build(s, key, refDepth)));
    const type = schema.type;
    if (Array.isArray(type)) return fc.oneof(...type.map((t: string) => build({ ...schema, type: t }, key, refDepth)));
    switch (type) {
      case "object":
        return objectArb(schema, refDepth);
      case "array":
        return fc.array(build(schema.items ?? {}, key, refDepth), {
          minLength: schema.minItems ?? 0,
          maxLength: Math.min(schema.maxItems ?? 8, 8),
        });
      case "string":
        return stringArb(schema, key);
      case "integer":
        return integerArb(schema);
      case "number":
        return numberArb(schema);
      case "boolean":
        return fc.boolean();
      case "null":
        return fc.constant(null);
      default:
        return anyLeaf;
    }
  };

  const objectArb = (schema: Schema, refDepth: number): fc.Arbitrary<unknown> => {
    const properties: Record<string, Schema> = schema.properties ?? {};
    const required = new Set<string>(schema.required ?? []);
    const record: Record<string, fc.Arbitrary<unknown>> = {};
    for (const [name, prop] of Object.entries(properties)) record[name] = build(prop, name, refDepth);
    const keys = Object.keys(record);
    // Mostly with the required keys (to get past validation), sometimes with any subset.
    const withRequired = fc.record(record, { requiredKeys: [...required].filter((k) => k in record) });
    const anySubset = fc.record(record, { requiredKeys: [] });
    const arb = keys.length ? fc.oneof({ weight: 4, arbitrary: withRequired }, { weight: 1, arbitrary: anySubset }) : fc.constant({});
    if (!options.wrongTypes) return arb;
    // Extra keys: unknown fields and prototype-pollution keys on top of a valid object.
    return fc.oneof(
      { weight: 4, arbitrary: arb },
      { weight: 1, arbitrary: fc.tuple(arb, pollutingObject).map(([a, p]) => ({ ...(a as object), ...p })) },
    );
  };

  const stringArb = (schema: Schema, key: string): fc.Arbitrary<string> => {
    const min = schema.minLength ?? 0;
    const max = Math.min(schema.maxLength ?? 2_000, 300_000);
    const fit = (s: string) => {
      let out = s.slice(0, max); // may cut a surrogate pair in half: on purpose
      while (out.length < min) out += s.length ? s : "号";
      return out.slice(0, Math.max(max, min));
    };
    if (schema.pattern) {
      let matching: fc.Arbitrary<string>;
      try {
        matching = fc.stringMatching(new RegExp(schema.pattern)).filter((s) => s.length >= min && s.length <= max);
      } catch {
        matching = hostileString.map(fit);
      }
      return fc.oneof({ weight: 4, arbitrary: matching }, { weight: 1, arbitrary: hostileString.map(fit) });
    }
    if (schema.format === "email")
      return fc.oneof(
        fc.emailAddress(),
        hostileString.map((s) => `${s}@example.com`),
      );
    if (schema.format === "uri") return fc.oneof(fc.webUrl(), hostileString.map((s) => `https://example.com/${s}`).map(fit));
    if (/id$/i.test(key) || /ids$/i.test(key) || key === "tokenId" || key === "jobId" || key === "revisionId") {
      return fc.oneof({ weight: 3, arbitrary: options.ids.map(fit) }, { weight: 1, arbitrary: hostileString.map(fit) });
    }
    return hostileString.map(fit);
  };

  const integerArb = (schema: Schema): fc.Arbitrary<number> => {
    const min = schema.minimum ?? schema.exclusiveMinimum ?? Number.MIN_SAFE_INTEGER;
    const max = schema.maximum ?? schema.exclusiveMaximum ?? Number.MAX_SAFE_INTEGER;
    return fc.oneof(fc.constantFrom(min, max), fc.integer({ min: Math.max(min, -(2 ** 31)), max: Math.min(max, 2 ** 31) }));
  };

  const numberArb = (schema: Schema): fc.Arbitrary<number> => {
    const min = schema.minimum ?? -1e308;
    const max = schema.maximum ?? 1e308;
    return fc.oneof(
      fc.constantFrom(min, max),
      fc.double({ min, max, noNaN: true, noDefaultInfinity: true }),
      hostileNumber.filter((n) => n >= min && n <= max),
    );
  };

  return build(root, "", 0);
}
