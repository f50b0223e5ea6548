/**
 * Publisher config schema -> a list of form fields, so the settings form is rendered from the
 * same zod schema that validates it. Secret fields are marked so the form masks them.
 */
import { z } from "zod";
import type { Publisher } from "./types";

export type ConfigField = {
  name: string;
  type: "text" | "url" | "number" | "select" | "boolean" | "secret";
  label: string;
  description?: string;
  required: boolean;
  options?: string[];
  defaultValue?: string | number | boolean;
  min?: number;
  max?: number;
};

type JsonProp = {
  type?: string;
  format?: string;
  description?: string;
  title?: string;
  enum?: string[];
  default?: unknown;
  minimum?: number;
  maximum?: number;
};

export function describeConfigFields(publisher: Publisher): ConfigField[] {
  const json = z.toJSONSchema(publisher.configSchema, { io: "input", unrepresentable: "any" }) as {
    properties?: Record<string, JsonProp>;
    required?: string[];
  };
  const required = new Set(json.required ?? []);
  return Object.entries(json.properties ?? {}).map(([name, prop]) => {
    const secret = (publisher.secretFields as readonly string[]).includes(name);
    const type: ConfigField["type"] = secret
      ? "secret"
      : prop.enum
        ? "select"
        : prop.type === "integer" || prop.type === "number"
          ? "number"
          : prop.type === "boolean"
            ? "boolean"
            : prop.format === "uri" || /url$/i.test(name)
              ? "url"
              : "text";
    return {
      name,
      type,
      label: prop.title ?? name,
      description: prop.description,
      required: required.has(name) && prop.default === undefined,
      options: prop.enum,
      defaultValue: prop.default as ConfigField["defaultValue"],
      min: prop.minimum,
      max: prop.maximum,
    };
  });
}
