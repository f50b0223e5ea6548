/** Streaming reads of export files: encodings, CSV rows and errors, JSON arrays split across chunks, JSON lines. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { jsonArrayElements } from "@/lib/competitors/import/json-array-elements";
import { exportRows, inspectExport, type ExportRow } from "@/lib/competitors/import/read-export";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "read-export-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
let n = 0;
const write = (content: string | Buffer) => {
  const file = path.join(dir, `f${n++}`);
  fs.writeFileSync(file, content);
  return file;
};
const all = async (file: string) => {
  const info = await inspectExport(file);
  const rows: ExportRow[] = [];
  for await (const r of exportRows(file, info)) rows.push(r);
  return { info, rows };
};
async function* chunked(text: string, size: number) {
  for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
}
const collect = async (gen: AsyncIterable<string>) => {
  const out: string[] = [];
  for await (const x of gen) out.push(x);
  return out;
};
const commentHeader = "comment_id,create_time,note_id,content,sub_comment_count,parent_comment_id,like_count";

describe("reading exports as streams", () => {
  it("reads UTF-8 with a BOM and GBK (Excel on Chinese Windows) the same way", async () => {
    const csv = `${commentHeader}\nc1,1763000000000,n1,你好,0,0,3\n`;
    const utf8 = await all(write(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv)])));
    expect(utf8.info).toMatchObject({ kind: "comments", format: "csv", encoding: "utf-8", bom: true });
    const gbk = await all(
      write(
        Buffer.from(
          new Uint8Array([...Buffer.from(`${commentHeader}\nc1,1763000000000,n1,`), 0xc4, 0xe3, 0xba, 0xc3, ...Buffer.from(",0,0,3\n")]),
        ),
      ),
    );
    expect(gbk.info.encoding).toBe("gbk");
    expect(gbk.rows).toEqual(utf8.rows);
    expect(utf8.rows).toEqual([
      {
        record: {
          row: 2,
          values: {
            comment_id: "c1",
            create_time: "1763000000000",
            note_id: "n1",
            content: "你好",
            sub_comment_count: "0",
            parent_comment_id: "0",
            like_count: "3",
          },
        },
      },
    ]);
  });

  it("turns a wrong column count and a broken quote into row errors", async () => {
    const { rows } = await all(write(`${commentHeader}\nc1,1,n1,x,0,0\nc2,1,n1,"broken,0,0,1\n`));
    expect(rows.every((r) => "error" in r)).toBe(true);
    expect("error" in rows[0] && rows[0].error).toMatchObject({ row: 2, message: expect.stringContaining("Expected 7 columns, found 6") });
  });

  it("refuses a file without a recognisable header", async () => {
    await expect(inspectExport(write("a,b\n1,2\n"))).rejects.toMatchObject({ code: "IMPORT_UNREADABLE" });
  });

  it("splits a JSON array into elements across any chunk boundary, strings and nesting included", async () => {
    const text = ` [ {"a":"x]}\\"{","b":[1,{"c":2}]}, 7 ,"s,t", {"d":null} ]\n`;
    const expected = [`{"a":"x]}\\"{","b":[1,{"c":2}]}`, "7 ", `"s,t"`, `{"d":null}`];
    for (const size of [1, 2, 3, 7, 1000])
      expect((await collect(jsonArrayElements(chunked(text, size)))).map((e) => e.trim())).toEqual(expected.map((e) => e.trim()));
    await expect(collect(jsonArrayElements(chunked(`[{"a":1}`, 3)))).rejects.toMatchObject({ code: "IMPORT_UNREADABLE" });
    await expect(collect(jsonArrayElements(chunked(`[{"a":"${"x".repeat(50)}"}]`, 8), 20))).rejects.toMatchObject({
      code: "IMPORT_UNREADABLE",
    });
  });

  it("reads JSON arrays and JSON lines row by row", async () => {
    const item = (id: string) => ({
      comment_id: id,
      create_time: 1763000000000,
      note_id: "n1",
      content: "好",
      sub_comment_count: 0,
      parent_comment_id: "0",
      like_count: "1",
    });
    const array = await all(write(JSON.stringify([item("c1"), 5, item("c2")])));
    expect(array.info).toMatchObject({ kind: "comments", format: "json" });
    expect(array.rows.map((r) => ("record" in r ? r.record.values.comment_id : r.error.message))).toEqual(["c1", "Not an object", "c2"]);
    const jsonl = await all(write(`${JSON.stringify(item("c1"))}\n{oops\n\n${JSON.stringify(item("c3"))}\n`));
    expect(jsonl.rows.map((r) => ("record" in r ? r.record.row : `error ${r.error.row}`))).toEqual([1, "error 2", 3]);
  });
});
