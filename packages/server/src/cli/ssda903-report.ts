/**
 * The SSDA903 validation report as JSON, written straight from each rule's failing rows: a national
 * return fails a million times over, and an object per failure (then a JSON.stringify of each) cost
 * more than the rules. The bytes are those `writeJsonReport` writes for the same report.
 */
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { type CheckedReturn, flaggedTable, type Ssda903Return } from '@lantern/core/returns/ssda903/index';

const CHUNK = 1 << 20;

export async function writeSsda903Json(out: Writable, r: Ssda903Return, checked: CheckedReturn, more: Record<string, unknown>): Promise<void> {
  const head = JSON.stringify({ year: checked.year, ran: checked.ran, notRun: checked.notRun, ...more });
  let buffer = `${head.slice(0, -1)}${head.length > 2 ? ',' : ''}"failures":[`;
  let first = true;
  for (const { info, table: key, rows, fields } of checked.findings) {
    const t = flaggedTable(r, key);
    const child = t.columns.CHILD!;
    const cols = fields.map((f) => t.columns[f]!);
    const names = fields.map((f, k) => `${k ? ',' : ''}${JSON.stringify(f)}:`);
    const prefix = `\n{"code":${JSON.stringify(info.code)},"message":${JSON.stringify(info.message)},"table":${JSON.stringify(key)},"row":`;
    for (let n = 0; n < rows.length; n++) {
      const i = rows[n]!;
      let line = `${first ? '' : ','}${prefix}${i + 1},"child":${JSON.stringify(child[i])},"fields":{`;
      first = false;
      for (let k = 0; k < cols.length; k++) line += `${names[k]}${JSON.stringify(cols[k]![i])}`;
      buffer += `${line}}}`;
      if (buffer.length > CHUNK) {
        if (!out.write(buffer)) await once(out, 'drain');
        buffer = '';
      }
    }
  }
  if (!out.write(`${buffer}\n]}\n`)) await once(out, 'drain');
}
