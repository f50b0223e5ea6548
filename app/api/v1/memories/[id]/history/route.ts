import { memoryHistoryQuerySchema } from "@/lib/memory/history/history-schemas";
import { listMemoryHistory } from "@/lib/memory/history/list-memory-history";
import { actorOf } from "@/lib/memory/memory-access";
import { withWorkspace } from "@/lib/next/with-workspace";

export const GET = withWorkspace<never, typeof memoryHistoryQuerySchema, { id: string }>(
  async ({ ctx, db, params, query }) => listMemoryHistory(db, actorOf(ctx), params.id, query),
  { permission: "memories.read", query: memoryHistoryQuerySchema },
);
