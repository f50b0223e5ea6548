/** The editor's document as stored: Tiptap/ProseMirror JSON (only the parts the product reads). */
import { z } from "zod";

import type { DocNode, DraftDoc } from "@/db/schema/draft-values";

export type { DocMark, DocNode, DraftDoc, DraftImage } from "@/db/schema/draft-values";

const markSchema = z.object({ type: z.string().max(40), attrs: z.record(z.string(), z.unknown()).optional() });
export const docNodeSchema: z.ZodType<DocNode> = z.lazy(() =>
  z.object({
    type: z.string().max(40),
    text: z.string().optional(),
    attrs: z.record(z.string(), z.unknown()).optional(),
    marks: z.array(markSchema).max(20).optional(),
    content: z.array(docNodeSchema).optional(),
  }),
);
export const draftDocSchema = z.object({ type: z.literal("doc"), content: z.array(docNodeSchema).optional() }) as z.ZodType<DraftDoc>;

export const emptyDoc: DraftDoc = { type: "doc", content: [{ type: "paragraph" }] };

/** A doc with one paragraph per line of text (API clients may send plain text). */
export function docFromText(text: string): DraftDoc {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  return {
    type: "doc",
    content: lines.map((line) => (line ? { type: "paragraph", content: [{ type: "text", text: line }] } : { type: "paragraph" })),
  };
}
