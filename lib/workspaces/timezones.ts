/** Time zones the product offers; validated against the runtime's IANA database. */
export const defaultTimezone = "Asia/Shanghai";

export function isValidTimezone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

export function supportedTimezones(): string[] {
  return Intl.supportedValuesOf("timeZone");
}
