import { getEnv } from "@/lib/env";
import { buildOpenApiDocument } from "@/lib/openapi/build-document";

export const dynamic = "force-dynamic";

export function GET() {
  return Response.json(buildOpenApiDocument(getEnv().appUrl));
}
