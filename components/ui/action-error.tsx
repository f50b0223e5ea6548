import type { ActionFailure } from "@/lib/next/workspace-action";
import { Alert } from "./alert";

/** Shows a failed action's message and suggestion (field errors are shown beside their fields). */
export function ActionError({ failure }: { failure?: ActionFailure | null }) {
  if (!failure) return null;
  return (
    <Alert tone="error" title={failure.message}>
      {failure.suggestion}
    </Alert>
  );
}
