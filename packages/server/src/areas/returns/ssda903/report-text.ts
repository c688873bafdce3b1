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

/** Bytes copied in at `pos`; the position after them. One native copy even for a few bytes: a loop here made the report a third slower. */
function putBytes(buf: Uint8Array, pos: number, bytes: Uint8Array): number {
  buf.set(bytes, pos);
  return pos + bytes.length;
}

/** A value as JSON.stringify writes it (plain ASCII byte by byte, anything else by JSON.stringify); the position after it. */
function putValue(buf: Uint8Array, pos: number, s: string): number {
  buf[pos] = 34;
  for (let c = 0; c < s.length; c++) {
    const code = s.charCodeAt(c);
    if (code < 0x20 || code > 0x7e || code === 34 || code === 92)
      return pos + Buffer.from(buf.buffer, buf.byteOffset, buf.length).write(JSON.stringify(s), pos, 'utf8');
    buf[pos + 1 + c] = code;
  }
  buf[pos + 1 + s.length] = 34;
  return pos + 2 + s.length;
}

/** A row number's digits; the position after them. */
function putNumber(buf: Uint8Array, pos: number, n: number): number {
  let digits = 1;
  for (let ten = 10; ten <= n; ten *= 10) digits++;
  for (let d = pos + digits - 1; d >= pos; d--) {
    buf[d] = 48 + (n % 10);
    n = Math.floor(n / 10);
  }
  return pos + digits;
}

/**
 * Byte arrays of CHUNK bytes whose text has been written, to be filled again: a national report is
 * 400 MB, and fresh memory for each megabyte costs the kernel's page faults and V8's collections.
 */
const spare: Uint8Array[] = [];

/** A chunk of report text has been written: its bytes may be reused (a chunk of any other size is left to the collector). */
export function reuseChunk(chunk: string | Uint8Array): void {
  if (typeof chunk !== 'string' && chunk.buffer.byteLength === CHUNK && spare.length < 256) spare.push(new Uint8Array(chunk.buffer as ArrayBuffer));
}

/** UTF-8 JSON lines written into byte arrays of CHUNK bytes (spare ones first) or, for one longer line, its own. */
function findingsJson(r: Ssda903Return, findings: readonly RuleFindings[]): Uint8Array[] {
  const chunks: Uint8Array[] = [];
  let buf: Uint8Array = new Uint8Array(0);
  let pos = 0;
  for (const { info, table: key, rows, fields } of findings) {
    const t = flaggedTable(r, key);
    // The child and each field's column, with the bytes before the row number, before each value and after the last.
    const cols = [t.columns.CHILD!, ...fields.map((f) => t.columns[f]!)];
    const lead = utf8(`,\n{"code":${JSON.stringify(info.code)},"message":${JSON.stringify(info.message)},"table":${JSON.stringify(key)},"row":`);
    const before = [utf8(',"child":'), ...fields.map((f, k) => utf8(`${k ? ',' : ',"fields":{'}${JSON.stringify(f)}:`))];
    const after = utf8(fields.length ? '}}' : ',"fields":{}}');
    // One failure's end and the next one's start in one copy: a native copy costs most by the call.
    const between = new Uint8Array(after.length + lead.length);
    between.set(after);
    between.set(lead, after.length);
    const fixed = 12 + after.length + lead.length + before.reduce((n, b) => n + b.length, 0);
    let open = false; // a failure is in buf without its end
    for (let n = 0; n < rows.length; n++) {
      const i = rows[n]!;
      // At most 6 bytes a character (\u00XX), and the quotes.
      let need = fixed;
      for (let k = 0; k < cols.length; k++) need += 6 * cols[k]![i]!.length + 2;
      if (pos + need > buf.length) {
        // The last failure's end fits: its own need counted it.
        if (open) pos = putBytes(buf, pos, after);
        if (pos) chunks.push(buf.subarray(0, pos));
        buf = need <= CHUNK ? (spare.pop() ?? new Uint8Array(CHUNK)) : new Uint8Array(need);
        pos = putBytes(buf, 0, lead);
      } else pos = putBytes(buf, pos, open ? between : lead);
      open = true;
      pos = putNumber(buf, pos, i + 1);
      for (let k = 0; k < cols.length; k++) pos = putValue(buf, putBytes(buf, pos, before[k]!), cols[k]![i]!);
    }
    if (open) pos = putBytes(buf, pos, after);
  }
  if (pos) chunks.push(buf.subarray(0, pos));
  return chunks;
}
