/**
 * Writes a council's Annex A as an Excel workbook, one sheet a list, streamed: each list is read
 * a batch of children at a time straight from SQL and its rows committed to the file as they
 * come, so memory holds one batch, not the workbook. Every child written is audited (one row a
 * child for each list they are on).
 */
import type { Writable } from 'node:stream';
import { periodBefore } from '@lantern/core/returns/annex-a';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../../../kernel/db/schema.ts';
import type { ReturnActor } from '../audit.ts';
import { ANNEX_A_LISTS, type AnnexAList, type ListContext } from './lists.ts';

export type AnnexAExport = {
  laCode: string;
  asOf: string;
  from6: string;
  from12: string;
  lists: { id: string; number: number; title: string; rows: number }[];
  children: number;
  seconds: number;
};

const BATCH = 2000;
const HEADER_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1D70B8' } } as const;

/** Excel refuses a sheet name over 31 characters; a name is never cut, so a list too long says so here. */
export function sheetName(list: AnnexAList): string {
  const name = `List ${list.number} ${list.sheet ?? list.title}`;
  if (name.length > 31) throw new Error(`Annex A sheet name "${name}" is longer than Excel's 31 characters: give list ${list.number} a shorter sheet title`);
  return name;
}

export async function exportAnnexA(
  db: Kysely<Database>,
  laCode: string,
  asOf: string,
  out: Writable,
  options: { actor?: ReturnActor; onProgress?: (done: number, total: number) => void } = {},
): Promise<AnnexAExport> {
  const began = performance.now();
  const council = await db.selectFrom('local_authority').select(['la_code']).where('la_code', '=', laCode).executeTakeFirst();
  if (!council) throw new Error(`There is no council ${laCode} in this database`);
  const ctx: ListContext = { laCode, asOf, from6: periodBefore(asOf, 6).from, from12: periodBefore(asOf, 12).from, ids: [] };
  const total = Number((await sql<{ n: number }>`select count(*)::int as n from person where la_code = ${laCode} and is_child`.execute(db)).rows[0]?.n ?? 0);
  // Loaded here, not with the module: the returns area is loaded by every command and server, and
  // exceljs took about half a second of CPU to load for the SSDA903 import, which never writes a workbook.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  workbook.creator = 'Lantern';
  workbook.created = new Date();
  const lists: AnnexAExport['lists'] = [];
  const seen = new Set<string>();
  let done = 0;
  for (const list of ANNEX_A_LISTS) {
    const sheet = workbook.addWorksheet(sheetName(list), { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = list.columns.map((c) => ({
      header: c.header,
      width: Math.min(Math.max(c.header.length * 0.9, c.kind === 'date' ? 12 : 10), 40),
      style: c.kind === 'date' ? { numFmt: 'dd/mm/yyyy' } : {},
    }));
    const header = sheet.getRow(1);
    header.font = { bold: true, color: { argb: 'FFFFFFFF' } };
    header.fill = HEADER_FILL;
    header.alignment = { wrapText: true, vertical: 'top' };
    header.commit();
    let rows = 0;
    if (list.query) {
      let last = '';
      for (;;) {
        const people = (
          await sql<{ person_id: string; la_child_id: string }>`
            select person_id, la_child_id from person where la_code = ${laCode} and is_child and la_child_id > ${last}
            order by la_child_id limit ${BATCH}`.execute(db)
        ).rows;
        if (people.length === 0) break;
        last = String(people.at(-1)?.la_child_id);
        const ids = people.map((p) => String(p.person_id));
        const found = (await list.query({ ...ctx, ids }, ids).execute(db)).rows;
        const onList = new Set<string>();
        for (const r of found) {
          sheet.addRow(list.columns.map((c) => (c.value ? c.value(r, ctx) : null))).commit();
          onList.add(String(r.person_id));
        }
        rows += found.length;
        if (options.actor && onList.size) await auditAnnexA(db, options.actor, laCode, asOf, list.id, [...onList]);
        for (const id of onList) seen.add(id);
        done += people.length;
        options.onProgress?.(Math.round(done / ANNEX_A_LISTS.filter((l) => l.query).length), total);
      }
    }
    sheet.commit();
    lists.push({ id: list.id, number: list.number, title: list.title, rows });
  }
  await workbook.commit();
  return { laCode, asOf, from6: ctx.from6, from12: ctx.from12, lists, children: seen.size, seconds: (performance.now() - began) / 1000 };
}

/** One audit row a child for each list they are on: who exported, as of when, which list. */
async function auditAnnexA(db: Kysely<Database>, actor: ReturnActor, laCode: string, asOf: string, listId: string, childIds: string[]) {
  await sql`
    select lantern_audit(coalesce(jsonb_agg(jsonb_build_object(
      'la_code', ${laCode}::text, 'user_id', ${actor.userId}::uuid, 'username', ${actor.username}::text, 'user_role', ${actor.role}::text,
      'action', 'export', 'record_type', 'annex-a', 'record_id', ${listId}::text, 'child_id', c, 'ip', ${actor.ip ?? null}::text,
      'user_agent', ${actor.userAgent ?? null}::text, 'detail', ${JSON.stringify({ asOf })}::jsonb)), '[]'))
    from unnest(${childIds}::uuid[]) as c`.execute(db);
}
