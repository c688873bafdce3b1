/**
 * `lantern export ssd`: one CSV per SSD object Lantern holds, the SSD's field names as the header,
 * written a page of records at a time (a council's 50,000 children never sit in memory at once).
 */
import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import { stringify } from 'csv-stringify';
import type { Kysely } from 'kysely';
import { forCouncil } from '../../../kernel/db/council.ts';
import type { Database } from '../../../kernel/db/schema.ts';
import { batch } from '../../../kernel/ledger.ts';
import { importActor, type ReturnActor } from '../../returns/index.ts';
import { headerOf, SSD_OBJECTS, ssdFields } from './catalogue.ts';
import type { SsdRow } from './model.ts';

const PAGE = 2000;

export type SsdExport = { dir: string; rows: Record<string, number>; seconds: number };

/** Writes the extract; each child written to ssd_person is audited as exported (their whole record goes out). */
export async function exportSsd(
  db: Kysely<Database>,
  laCode: string,
  dir: string,
  options: { actor: ReturnActor; onProgress?: (object: string, rows: number) => void },
): Promise<SsdExport> {
  const began = performance.now();
  await mkdir(dir, { recursive: true });
  const fields = ssdFields();
  const rows: Record<string, number> = {};
  await forCouncil(db, laCode, async () => {
    for (const object of SSD_OBJECTS) {
      const header = headerOf(object.object, fields);
      for (const f of Object.keys({ ...object.from, ...object.blank }))
        if (!header.includes(f)) throw new Error(`${object.object}: ${f} is not a field of the SSD (reference/ssd/objects.tsv)`);
      const out = createWriteStream(path.join(dir, `${object.object}.csv`));
      const csv = stringify({ header: true, columns: header, eof: true });
      csv.pipe(out);
      let count = 0;
      let last: string | null = null;
      for (;;) {
        const page: SsdRow[] = (await object.page(laCode, last, PAGE).execute(db)).rows;
        if (page.length === 0) break;
        for (const row of page) {
          if (row._skip) continue; // a key of the page with nothing to write
          if (!csv.write(header.map((f) => row[f] ?? ''))) await new Promise((resolve) => csv.once('drain', resolve));
          count += 1;
        }
        last = page[page.length - 1]?._key ?? null;
        if (object.object === 'ssd_person') {
          const children = page.map((r) => r._key);
          await batch(db, importActor(options.actor, laCode), async (ledger) => {
            for (const childId of children) ledger.audit({ action: 'export', recordType: 'ssd', childId, detail: { dir } });
          });
        }
      }
      csv.end();
      await finished(out);
      rows[object.object] = count;
      options.onProgress?.(object.object, count);
    }
  });
  return { dir, rows, seconds: (performance.now() - began) / 1000 };
}
