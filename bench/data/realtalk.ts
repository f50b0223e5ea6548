/**
 * REALTALK (Lee et al. 2025, github.com/danny911kr/REALTALK): ten real 21-day messaging-app
 * conversations between two people, ~8,900 turns, with 728 memory-probing questions that name
 * their evidence turns. The repository has no licence, so the data is never committed: it is
 * read from MEMORY_EVAL_REALTALK or .data/eval/realtalk/ (`npm run eval:memory:fetch` puts it
 * there). Only the ten top-level data/Chat_*.json files are used; data/locomo/ is LoCoMo, which
 * is kept back as an independent check and is never read.
 *
 * Categories follow LoCoMo's numbering, which REALTALK's evaluate_memory.py keeps (it skips 4 and
 * 5, "only in LoCoMo data") and scores the same way in eval_memory/qa_tool.py: 1 multi-hop (the
 * answer is a list gathered from several turns), 2 temporal (when), 3 commonsense (an inference
 * from what was said, the part of the answer before ";").
 */
import fs from "node:fs";
import path from "node:path";
import type { EvalConversation, EvalQuestion, EvalSet, EvalTurn } from "../eval-memory/eval-set";
import { parseEvidence } from "./realtalk-evidence";

export const realtalkRepo = "danny911kr/REALTALK";
export const realtalkCommit = "b903e06a9770bf4e5fe9018c3e132889666d3b4a";

/** The ten conversations and their sha256 at realtalkCommit. */
export const realtalkFiles: Record<string, string> = {
  "Chat_1_Emi_Elise.json": "4e947998a751a1ba2c3710fc873b90fbcbc234fda7a5e4e75db2b762e0f25a36",
  "Chat_2_Kevin_Elise.json": "4ac6e319c206731aa9a025c93325eb1edb43686cf39473f058c87ae7deb2d62a",
  "Chat_3_Kevin_Paola.json": "10c9208016538cbe7a28aafa6cfd72587b072677964c36ec242159fdf58961f2",
  "Chat_4_Emi_Paola.json": "80aa012ed6a918f5b317bd942b4d4811a158d27a6e07b7a5c6182994107a9367",
  "Chat_5_Nicolas_Nebraas.json": "32dd7c45786b1a26861dc1574a1bb698a855196fd2ae3fc0c091f3c9ab2d6d06",
  "Chat_6_Vanessa_Nicolas.json": "9d5ee072ab5a0667ef71d5644d7cd3a4c6777a1e6e2252bf306f310d982e40ac",
  "Chat_7_Nebraas_Vanessa.json": "b5716bb093217980e747dec0d98996829b569febc09587a025efc6b79806e9ce",
  "Chat_8_Akib_Muhhamed.json": "814f64ad7e8a46f0398f550fe84184e2ba495a292290b9ff96ffc95448280800",
  "Chat_9_Fahim_Akib.json": "05b9b4331bf0e25a2a64dc89c404622c83a61ab5e7c935fb7d844449caf6dd39",
  "Chat_10_Fahim_Muhhamed.json": "26135a9e3482f40bea4c71de570a2d994a361848111067e60587be1dd82a0127",
};

export const realtalkCategories: Record<number, string> = { 1: "multi-hop", 2: "temporal", 3: "commonsense" };

export const defaultRealtalkDir = (root: string) => path.join(root, ".data", "eval", "realtalk");

/** MEMORY_EVAL_REALTALK, else .data/eval/realtalk/; an error saying how to get the data otherwise. */
export function locateRealtalk(root: string): string {
  const fromEnv = process.env.MEMORY_EVAL_REALTALK;
  const dir = fromEnv ? path.resolve(fromEnv) : defaultRealtalkDir(root);
  const missing = Object.keys(realtalkFiles).filter((f) => !fs.existsSync(path.join(dir, f)));
  if (missing.length === 0) return dir;
  throw new Error(
    [
      `eval: the REALTALK data is not in ${dir} (missing ${missing.length} of 10 files, e.g. ${missing[0]}).`,
      fromEnv ? "  MEMORY_EVAL_REALTALK points there; point it at a directory holding the ten data/Chat_*.json files." : "",
      "  Get it with one of:",
      "    npm run eval:memory:fetch                                # downloads from GitHub into .data/eval/realtalk/",
      "    npm run eval:memory:fetch -- --from-git <REALTALK clone>  # copies from a local git clone or mirror (offline)",
      "    MEMORY_EVAL_REALTALK=<dir with the Chat_*.json files> npm run eval:memory",
      "  Or run only the committed set: npm run eval:memory -- --set zh",
    ]
      .filter(Boolean)
      .join("\n"),
  );
}

type RawTurn = { clean_text: string; speaker: string; dia_id: string; date_time?: string };
type RawQa = { question: string; answer?: unknown; evidence?: string[]; category: number };
type RawConversation = Record<string, unknown> & { qa: RawQa[] };

export type RealtalkCounts = {
  questions: number;
  skippedNoEvidence: number;
  skippedEvidenceNotInData: number;
  irregularEntries: number;
  unreadableEntries: number;
  danglingIds: number;
};

/** One conversation file as eval turns (content "<speaker>: <clean_text>") and questions. */
export function readRealtalkConversation(file: string, counts: RealtalkCounts): EvalConversation {
  const name = path.basename(file, ".json");
  const raw = JSON.parse(fs.readFileSync(file, "utf8")) as RawConversation;
  const sessions = Object.keys(raw)
    .filter((k) => /^session_\d+$/.test(k))
    .sort((a, b) => Number(a.slice(8)) - Number(b.slice(8)));
  const turns: EvalTurn[] = [];
  for (const session of sessions) {
    const sessionDateTime = raw[`${session}_date_time`] ?? null;
    for (const t of raw[session] as RawTurn[]) {
      const text = t.clean_text.trim();
      if (!text) continue;
      turns.push({
        key: t.dia_id,
        content: `${t.speaker}: ${text}`,
        metadata: { diaId: t.dia_id, sessionDateTime, conversation: name },
      });
    }
  }
  const keys = new Set(turns.map((t) => t.key));
  const questions: EvalQuestion[] = [];
  for (const qa of raw.qa) {
    counts.questions++;
    const entries = qa.evidence ?? [];
    if (entries.length === 0) {
      counts.skippedNoEvidence++;
      continue;
    }
    const evidence = new Set<string>();
    for (const entry of entries) {
      if (!/^D\d+:\d+$/.test(entry)) counts.irregularEntries++;
      const ids = parseEvidence(entry);
      if (ids.length === 0) counts.unreadableEntries++;
      for (const id of ids) {
        if (keys.has(id)) evidence.add(id);
        else counts.danglingIds++;
      }
    }
    if (evidence.size === 0) {
      counts.skippedEvidenceNotInData++;
      continue;
    }
    questions.push({
      query: qa.question,
      evidence: [...evidence],
      categories: [realtalkCategories[qa.category] ?? `category ${qa.category}`],
    });
  }
  return { name, turns, questions };
}

/** The REALTALK set from `dir`, optionally only its first `limit` conversations (in file order 1..10). */
export function loadRealtalk(dir: string, limit = Number.POSITIVE_INFINITY): EvalSet {
  const counts: RealtalkCounts = {
    questions: 0,
    skippedNoEvidence: 0,
    skippedEvidenceNotInData: 0,
    irregularEntries: 0,
    unreadableEntries: 0,
    danglingIds: 0,
  };
  const files = Object.keys(realtalkFiles).slice(0, limit);
  const conversations = files.map((f) => readRealtalkConversation(path.join(dir, f), counts));
  const turns = conversations.reduce((n, c) => n + c.turns.length, 0);
  const kept = conversations.reduce((n, c) => n + c.questions.length, 0);
  return {
    id: "realtalk",
    title: `REALTALK @ ${realtalkCommit.slice(0, 7)}: ${conversations.length} conversations, ${turns} turns, ${kept} of ${counts.questions} questions`,
    conversations,
    categories: Object.values(realtalkCategories),
    notes: [
      `skipped ${counts.skippedNoEvidence} question(s) with an empty evidence list`,
      `skipped ${counts.skippedEvidenceNotInData} question(s) whose evidence names only turns absent from the data (questions about photos)`,
      `read ${counts.irregularEntries - counts.unreadableEntries} evidence entries that were not a plain dia id (ranges, lists, typos); dropped ${counts.unreadableEntries} unreadable ones ("", "D58", "D:56")`,
      `dropped ${counts.danglingIds} evidence id(s) naming a turn absent from the data (the dia ids have gaps where photo-only messages were left out)`,
    ],
  };
}
