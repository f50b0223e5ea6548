/** The error envelope every /api/v1 route answers with (lib/next/error-response.ts), as OpenAPI. */

export const errorSchema = {
  type: "object",
  required: ["error"],
  properties: {
    error: {
      type: "object",
      required: ["code", "message", "suggestion"],
      properties: {
        code: { type: "string" },
        message: { type: "string", description: "In the request's language (Accept-Language or NEXT_LOCALE)" },
        suggestion: { type: "string" },
        requestId: { type: "string" },
        messages: { type: "object", properties: { "zh-CN": { type: "string" }, en: { type: "string" } } },
        fieldErrors: { type: "object", additionalProperties: { type: "array", items: { type: "string" } } },
      },
    },
  },
};

const errorText: Record<number, string> = {
  400: "Malformed JSON, wrong types or unknown fields",
  401: "No valid session or API token",
  403: "Missing permission",
  404: "Not found (or not visible to the caller)",
  409: "Conflict with the current state",
  413: "Body over 1 MB",
  422: "Valid shape, but a business rule refuses it",
  429: "Rate limited",
};

/** Error statuses -> responses referring to the shared `Error` component. */
export function errorResponses(statuses: number[]): Record<string, object> {
  return Object.fromEntries(
    statuses.map((status) => [
      status,
      { description: errorText[status] ?? "Error", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } },
    ]),
  );
}
