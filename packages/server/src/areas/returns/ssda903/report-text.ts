/**
 * A rule's failures as report text, straight from its failing rows (no object per failure): the
 * JSON report's lines, or the command line's tab-separated lines. A national return fails a
 * million times over, so this is written a rule at a time, on whichever thread ran the rule.
 */
import { flaggedTable, type RuleFindings, type Ssda903Return } from '@lantern/core/returns/ssda903/index';

export type ReportFormat = 'json' | 'text';

/** Text is handed on in pieces of about this many characters, so no rule's report is one huge string. */
const CHUNK = 1 << 20;

/**
 * The failures of one rule's findings, in pieces of about a megabyte. In JSON each failure is `,\n{…}` (the report's writer drops
 * the comma before the first), the same bytes as JSON.stringify of the failure object gives.
 */
export function findingsText(r: Ssda903Return, findings: readonly RuleFindings[], format: ReportFormat): string[] {
  const chunks: string[] = [];
  let out = '';
  for (const { info, table: key, rows, fields } of findings) {
    const t = flaggedTable(r, key);
    const child = t.columns.CHILD!;
    const cols = fields.map((f) => t.columns[f]!);
    if (format === 'json') {
      const names = fields.map((f, k) => `${k ? ',' : ''}${JSON.stringify(f)}:`);
      const prefix = `,\n{"code":${JSON.stringify(info.code)},"message":${JSON.stringify(info.message)},"table":${JSON.stringify(key)},"row":`;
      for (let n = 0; n < rows.length; n++) {
        const i = rows[n]!;
        let line = `${prefix}${i + 1},"child":${JSON.stringify(child[i])},"fields":{`;
        for (let k = 0; k < cols.length; k++) line += `${names[k]}${JSON.stringify(cols[k]![i])}`;
        out += `${line}}}`;
        if (out.length > CHUNK) {
          chunks.push(out);
          out = '';
        }
      }
    } else {
      for (let n = 0; n < rows.length; n++) {
        const i = rows[n]!;
        const values = fields.map((f, k) => `${f}=${cols[k]![i] === '' ? '(blank)' : cols[k]![i]}`).join(' ');
        out += `${info.code}\t${key} row ${i + 1}\tchild ${child[i]}\t${values}\t${info.message}\n`;
        if (out.length > CHUNK) {
          chunks.push(out);
          out = '';
        }
      }
    }
  }
  if (out) chunks.push(out);
  return chunks;
}
