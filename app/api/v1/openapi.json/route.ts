import { getEnv } from "@/lib/env";
import { openApiDocument } from "./api-operations";

export const dynamic = "force-dynamic";

export function GET() {
  return Response.json(openApiDocument(getEnv().appUrl));
}
