/** The one error type the product throws on purpose; everything else is a bug (logged, 500). */
import { z } from "zod";
import { errorCatalog, type ErrorCode, type Locale } from "./catalog";

export type FieldErrors = Record<string, string[]>;

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    options: { detail?: string; fieldErrors?: FieldErrors; details?: Record<string, unknown>; cause?: unknown } = {},
  ) {
    super(options.detail ?? code, { cause: options.cause });
    this.name = "AppError";
    this.fieldErrors = options.fieldErrors;
    this.details = options.details;
  }
  readonly fieldErrors?: FieldErrors;
  /** Data the caller needs to recover (e.g. the server's copy on a save conflict); never secrets. */
  readonly details?: Record<string, unknown>;

  get status(): number {
    return errorCatalog[this.code].status;
  }
}

export type ErrorBody = {
  code: ErrorCode;
  message: string;
  suggestion: string;
  requestId?: string;
  fieldErrors?: FieldErrors;
  details?: Record<string, unknown>;
};

export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join(".") : "_";
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

/** Any thrown value -> an AppError (unknown errors become INTERNAL, keeping the cause for logs). */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof z.ZodError) return new AppError("VALIDATION_FAILED", { fieldErrors: fieldErrorsOf(error) });
  return new AppError("INTERNAL", { cause: error });
}

/** Fills `{name}` placeholders of a catalogue text from the error's details. */
function fill(text: string, details?: Record<string, unknown>): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (details?.[name] == null ? whole : String(details[name])));
}

export function errorBody(error: AppError, locale: Locale, requestId?: string): ErrorBody {
  const entry = errorCatalog[error.code];
  return {
    code: error.code,
    message: fill(entry.message[locale], error.details),
    suggestion: fill(entry.suggestion[locale], error.details),
    ...(requestId ? { requestId } : {}),
    ...(error.fieldErrors ? { fieldErrors: error.fieldErrors } : {}),
    ...(error.details ? { details: error.details } : {}),
  };
}
