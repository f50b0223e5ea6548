/** Failures as a table by target, for test messages and the bench script. */
import type { Failure } from "./engine";
import type { Crash } from "./run-fuzz";

export function failureTable(failures: Failure[], perTarget = 3): string {
  const byTarget = new Map<string, Failure[]>();
  for (const f of failures) byTarget.set(f.target, [...(byTarget.get(f.target) ?? []), f]);
  const lines: string[] = [];
  for (const [target, list] of [...byTarget].sort()) {
    lines.push(`${target}: ${list.length} failing call(s)`);
    for (const f of list.slice(0, perTarget)) {
      lines.push(`  - ${f.check}${f.status ? ` (HTTP ${f.status})` : ""}`);
      lines.push(`    input:  ${f.input.slice(0, 400)}`);
      if (f.detail) lines.push(`    detail: ${f.detail.replace(/\s+/g, " ").slice(0, 300)}`);
    }
  }
  return lines.join("\n");
}

export function crashTable(crashes: Crash[]): string {
  return crashes
    .map((c) => {
      const panic = c.stderr.split("\n").find((l) => /panicked|Error|Abort/.test(l)) ?? "";
      return `the process died (${c.exit}) during ${c.target}\n    input:  ${c.input.slice(0, 400)}\n    stderr: ${panic.slice(0, 300)}`;
    })
    .join("\n");
}
