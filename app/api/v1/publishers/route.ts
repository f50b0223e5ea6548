import { describeConfigFields } from "@/lib/publishing/publishers/config-fields";
import { publishers } from "@/lib/publishing/publishers/registry";
import { withWorkspace } from "@/lib/next/with-workspace";

export const GET = withWorkspace(
  async () => ({
    publishers: publishers.map((p) => ({
      id: p.id,
      displayName: p.displayName,
      description: p.description,
      secretFields: p.secretFields,
      fields: describeConfigFields(p),
    })),
  }),
  { permission: "accounts.read" },
);
