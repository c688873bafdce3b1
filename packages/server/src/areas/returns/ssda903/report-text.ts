/**
 * A rule's failures as report text, straight from its failing rows (no object per failure): the
 * JSON report's lines, or the command line's tab-separated lines. A national return fails a
 * million times over, so this is written a rule at a time, on whichever thread ran the rule, and
 * the JSON goes straight into bytes (no string to build and encode again on the way out).
 */
import { flaggedTable, type RuleFindings, type Ssda903Return } from '@lantern/core/returns/ssda903/index';

export type ReportFormat = 'json' | 'text';

/** Text is handed on in pieces of about this many bytes, so no rule's report is one huge string. */
const CHUNK = 1 << 20;

/**
 * The failures of one rule's findings, in pieces of about a megabyte. In JSON each failure is `,\n{…}` (the report's writer drops
 * the comma before the first), the same bytes as JSON.stringify of the failure object gives.
 */
export function findingsText(r: Ssda903Return, findings: readonly RuleFindings[], format: ReportFormat): (string | Uint8Array)[] {
  return format === 'json' ? findingsJson(r, findings) : findingsLines(r, findings);
}

function findingsLines(r: Ssda903Return, findings: readonly RuleFindings[]): string[] {
  const chunks: string[] = [];
  let out = '';
  for (const { info, table: key, rows, fields } of findings) {
    const t = flaggedTable(r, key);
    const child = t.columns.CHILD!;
    const cols = fields.map((f) => t.columns[f]!);
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
  if (out) chunks.push(out);
  return chunks;
}

const utf8 = (s: string) => Buffer.from(s, 'utf8');

/** UTF-8 JSON lines written into fresh (never pooled: the worker hands them over) byte arrays. */
function findingsJson(r: Ssda903Return, findings: readonly RuleFindings[]): Uint8Array[] {
  const chunks: Uint8Array[] = [];
  let buf = new Uint8Array(0);
  let pos = 0;
  const room = (need: number) => {
    if (pos + need <= buf.length) return;
    if (pos) chunks.push(buf.subarray(0, pos));
    buf = new Uint8Array(Math.max(CHUNK, need));
    pos = 0;
  };
  const put = (bytes: Uint8Array) => {
    buf.set(bytes, pos);
    pos += bytes.length;
  };
  // A value as JSON.stringify writes it: plain ASCII byte by byte, anything else by JSON.stringify.
  const putString = (s: string) => {
    const start = pos;
    buf[pos++] = 34;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c < 0x20 || c > 0x7e || c === 34 || c === 92) {
        pos = start + Buffer.from(buf.buffer, buf.byteOffset, buf.length).write(JSON.stringify(s), start, 'utf8');
        return;
      }
      buf[pos++] = c;
    }
    buf[pos++] = 34;
  };
  const putNumber = (n: number) => {
    const start = pos;
    do {
      buf[pos++] = 48 + (n % 10);
      n = Math.floor(n / 10);
    } while (n > 0);
    buf.subarray(start, pos).reverse();
  };
  const childKey = utf8(',"child":');
  const fieldsKey = utf8(',"fields":{');
  for (const { info, table: key, rows, fields } of findings) {
    const t = flaggedTable(r, key);
    const child = t.columns.CHILD!;
    const cols = fields.map((f) => t.columns[f]!);
    const names = fields.map((f, k) => utf8(`${k ? ',' : ''}${JSON.stringify(f)}:`));
    const prefix = utf8(`,\n{"code":${JSON.stringify(info.code)},"message":${JSON.stringify(info.message)},"table":${JSON.stringify(key)},"row":`);
    const fixed = prefix.length + 16 + childKey.length + fieldsKey.length + names.reduce((n, b) => n + b.length, 0);
    for (let n = 0; n < rows.length; n++) {
      const i = rows[n]!;
      // At most 6 bytes a character (\u00XX) once quoted.
      let need = fixed + 6 * child[i]!.length + 2;
      for (let k = 0; k < cols.length; k++) need += 6 * cols[k]![i]!.length + 2;
      room(need);
      put(prefix);
      putNumber(i + 1);
      put(childKey);
      putString(child[i]!);
      put(fieldsKey);
      for (let k = 0; k < cols.length; k++) {
        put(names[k]!);
        putString(cols[k]![i]!);
      }
      buf[pos++] = 125;
      buf[pos++] = 125;
    }
  }
  if (pos) chunks.push(buf.subarray(0, pos));
  return chunks;
}
