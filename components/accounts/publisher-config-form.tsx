"use client";
/**
 * The publisher settings form, rendered from the publisher's zod schema (lib/publishing/
 * publishers/config-fields.ts). Secret fields are password inputs that never show a value:
 * "set (leave empty to keep)" or "not set".
 */
import { useTranslations } from "next-intl";
import { Field, Select, TextInput } from "@/components/ui/field";
import type { ConfigField } from "@/lib/publishing/publishers/config-fields";

type Props = {
  publisherId: string;
  fields: ConfigField[];
  values: Record<string, unknown>;
  secretsSet: string[];
  errorsFor: (key: string) => string[] | undefined;
};

export function PublisherConfigForm({ publisherId, fields, values, secretsSet, errorsFor }: Props) {
  const t = useTranslations("matrix.form");
  const tf = useTranslations("matrix.publisherFields");
  if (fields.length === 0) return null;
  // A publisher added without translations still shows its schema's own titles.
  const labelOf = (f: ConfigField) => (tf.has(`${publisherId}.${f.name}`) ? tf(`${publisherId}.${f.name}` as never) : f.label);
  return (
    <div className="grid gap-3 sm:grid-cols-2" data-testid="publisher-config">
      {fields.map((field) => {
        const f = { ...field, label: labelOf(field) };
        const name = `cfg.${f.name}`;
        const value = values[f.name] ?? f.defaultValue;
        const errors = errorsFor(`publisherConfig.${f.name}`);
        if (f.type === "select") {
          return (
            <Field key={f.name} label={f.label} name={name} errors={errors} hint={f.description}>
              <Select name={name} defaultValue={String(value ?? "")}>
                {f.options?.map((o) => (
                  <option key={o} value={o}>
                    {o}
                  </option>
                ))}
              </Select>
            </Field>
          );
        }
        if (f.type === "boolean") {
          return (
            <Field key={f.name} label={f.label} name={name} errors={errors} hint={f.description}>
              <input type="checkbox" id={name} name={name} defaultChecked={value === true} />
            </Field>
          );
        }
        const isSecret = f.type === "secret";
        return (
          <Field
            key={f.name}
            label={f.label}
            name={name}
            errors={errors}
            hint={isSecret ? (secretsSet.includes(f.name) ? t("secretSet") : t("secretEmpty")) : f.description}
          >
            <TextInput
              name={name}
              type={isSecret ? "password" : f.type === "number" ? "number" : f.type === "url" ? "url" : "text"}
              autoComplete={isSecret ? "new-password" : "off"}
              placeholder={isSecret && secretsSet.includes(f.name) ? "••••••••" : undefined}
              defaultValue={isSecret ? "" : value === undefined ? "" : String(value)}
              min={f.min}
              max={f.max}
              required={f.required && !(isSecret && secretsSet.includes(f.name))}
            />
          </Field>
        );
      })}
    </div>
  );
}

/** Reads the rendered fields back into a config object (numbers as numbers, empty secrets left out). */
export function readPublisherConfig(fields: ConfigField[], data: FormData): Record<string, unknown> {
  const config: Record<string, unknown> = {};
  for (const f of fields) {
    const raw = data.get(`cfg.${f.name}`);
    if (f.type === "boolean") config[f.name] = raw === "on";
    else if (raw === null || raw === "") continue;
    else if (f.type === "number") config[f.name] = Number(raw);
    else config[f.name] = String(raw);
  }
  return config;
}
