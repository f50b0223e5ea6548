/** Keeps secrets out of audit rows: drops secret-looking keys and trims long values. */
const secretKey = /pass(word)?|secret|token|hash|key|cookie|authorization|credential/i;

export function redact(value: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
  if (!value) return undefined;
  const out: Record<string, unknown> = {};
  for (const [key, raw] of Object.entries(value)) {
    if (raw === undefined) continue;
    if (secretKey.test(key)) {
      out[key] = "[redacted]";
    } else if (typeof raw === "string" && raw.length > 200) {
      out[key] = `${raw.slice(0, 200)}…`;
    } else if (raw instanceof Date) {
      out[key] = raw.toISOString();
    } else if (raw !== null && typeof raw === "object" && !Array.isArray(raw)) {
      out[key] = redact(raw as Record<string, unknown>);
    } else {
      out[key] = raw;
    }
  }
  return out;
}
