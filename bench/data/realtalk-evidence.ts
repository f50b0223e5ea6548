/**
 * REALTALK's evidence lists were typed by hand, and about 60 of the ~1,900 entries are not a
 * plain dia id: "D5:3." (a full stop), "D5:12;D5:16" or "D13:4. D14:4" (several in one entry),
 * "D12:3-D12:5" (a range), "D 2:18", "D17;39", "23:29" (typos), "D13:45:D20:19" (two ids run
 * together). This turns one entry into the dia ids it names; what it cannot read ("D58", "D:56",
 * "") gives none, and the caller counts it.
 */
const range = /D(\d+):(\d+)\s*-\s*D(\d+):(\d+)/g;
const diaId = /D(\d+):(\d+)/g;

export function parseEvidence(entry: string): string[] {
  let text = entry
    .trim()
    .replace(/D\s+(?=\d)/g, "D") // "D 2:18"
    .replace(/^D(\d+);(\d+)$/, "D$1:$2") // "D17;39"
    .replace(/^(\d+):(\d+)$/, "D$1:$2"); // "23:29"
  const ids: string[] = [];
  text = text.replace(range, (_all, s1: string, t1: string, s2: string, t2: string) => {
    if (s1 === s2 && Number(t1) <= Number(t2)) {
      for (let t = Number(t1); t <= Number(t2); t++) ids.push(`D${s1}:${t}`);
    } else {
      ids.push(`D${s1}:${t1}`, `D${s2}:${t2}`);
    }
    return " ";
  });
  for (const m of text.matchAll(diaId)) ids.push(`D${m[1]}:${m[2]}`);
  return [...new Set(ids)];
}
