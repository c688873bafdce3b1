/**
 * A validation report as JSON, written a failure at a time: a national return's report has
 * hundreds of thousands of failures, and building it as one string took more memory than the
 * check itself. The shape is the object's, with its list last.
 */
import { once } from 'node:events';
import type { Writable } from 'node:stream';

export async function writeJsonReport(out: Writable, report: Record<string, unknown>, listKey: string): Promise<void> {
  const { [listKey]: list, ...rest } = report;
  const items = (list ?? []) as unknown[];
  const head = JSON.stringify(rest);
  let buffer = `${head.slice(0, -1)}${head.length > 2 ? ',' : ''}${JSON.stringify(listKey)}:[`;
  for (let i = 0; i < items.length; i++) {
    buffer += `${i ? ',' : ''}\n${JSON.stringify(items[i])}`;
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer)) await once(out, 'drain');
      buffer = '';
    }
  }
  if (!out.write(`${buffer}\n]}\n`)) await once(out, 'drain');
}
