import { randomUUID } from 'node:crypto';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Ssda903Return, validateSsda903 } from '@lantern/core/returns/ssda903/index';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMAND_LINE } from '../../../src/areas/returns/audit.ts';
import { exportSsda903 } from '../../../src/areas/returns/ssda903/export.ts';
import { loadReturnDir } from '../../../src/areas/returns/ssda903/files.ts';
import { importSsda903 } from '../../../src/areas/returns/ssda903/import.ts';
import type { Store } from '../../../src/kernel/db/store.ts';
import { openTestStore } from '../../helpers/db.ts';

// The SSDA903 DoLo table (2026/27): exported from the deprivation of liberty orders in force in
// the year (DOLO_END the day it ended, else the day the court set, blank after 31 March), clean of
// the DoLo rules 700–710, imported back (idempotent, matched by child and start, a bad row reported
// and the rest loaded), and exported again unchanged. Not in a 2025/26 return.
const LA = 'E06000019'; // Herefordshire, LA number 884
const YEAR = 2027; // 1 April 2026 to 31 March 2027
const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(path.join(tmpdir(), 'lantern-903-dolo-'));
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const EXPECTED = [
  'CHILD,DOB,DOLO_START,DOLO_END',
  'D001,03/02/2011,15/01/2026,14/07/2026',
  'D001,03/02/2011,14/07/2026,',
  'D002,09/09/2010,01/06/2026,30/09/2026',
  '',
].join('\n');

/** Three children in children's homes; two with orders, one long past, one running beyond the year. */
async function buildCouncil(store: Store) {
  const db = store.db;
  await sql`insert into local_authority (la_code, dfe_la_number, name) values (${LA}, '884', 'Herefordshire')`.execute(db);
  const child = async (laChildId: string, sex: string, dob: string, upn: string, from: string) => {
    const id = randomUUID();
    await sql`insert into person (la_code, person_id, is_child, la_child_id, given_name, family_name, date_of_birth, sex, ethnicity, upn)
      values (${LA}, ${id}, true, ${laChildId}, 'Test', ${laChildId}, ${dob}, ${sex}, 'WBRI', ${upn})`.execute(db);
    await sql`insert into cla_episode (la_code, cla_episode_id, child_id, period_id, placement_id, start_date, reason_new_episode, legal_status,
        category_of_need, placement_type, placement_provider, urn, placement_postcode, home_postcode)
      values (${LA}, ${id}, ${id}, ${id}, ${randomUUID()}, ${from}, 'S', 'C2', 'N1', 'K2', 'PR4', 'SC200002', 'WR1 3CC', 'HR1 1AA')`.execute(db);
    return id;
  };
  const order = (childId: string, made: string, expires: string | null, ended: string | null) =>
    sql`insert into deprivation_of_liberty_order (la_code, order_id, child_id, period_id, made_on, expires_on, ended_on, end_reason, court, case_number, authorises)
      values (${LA}, ${randomUUID()}, ${childId}, ${childId}, ${made}, ${expires}, ${ended}, ${ended ? 'Discharged' : null},
              'High Court, Family Division', 'FD26P00001', 'Locked doors; constant supervision.')`.execute(db);
  const d1 = await child('D001', 'F', '2011-02-03', 'A884100000011', '2025-06-01');
  const d2 = await child('D002', 'M', '2010-09-09', 'B884100000012', '2026-05-01');
  await child('D003', 'M', '2012-01-20', 'C884100000013', '2026-02-01');
  await order(d1, '2025-07-01', '2026-01-15', '2025-12-31'); // ended before the year: not in it
  await order(d1, '2026-01-15', '2026-07-14', null); // ran out on the day the court set
  await order(d1, '2026-07-14', '2027-07-13', null); // still in force on 31 March
  await order(d2, '2026-06-01', null, '2026-09-30');
}

describe('SSDA903 DoLo table: export, validation, import and export again', () => {
  let source: Store, target: Store;
  let dir: string;
  beforeAll(async () => {
    source = await openTestStore();
    target = await openTestStore();
    await buildCouncil(source);
    dir = tempDir();
  });
  afterAll(async () => {
    await source?.close();
    await target?.close();
  });

  it('writes the orders in force in the year, with dd/mm/yyyy dates and a blank end after 31 March', async () => {
    const r = await exportSsda903(source.db, LA, YEAR, dir, { actor: COMMAND_LINE });
    expect(r.rows).toMatchObject({ Header: 3, DoLo: 3 });
    expect(readFileSync(path.join(dir, 'dolo.csv'), 'utf8')).toBe(EXPECTED);
  });

  it('passes the DfE’s DoLo rules (700–710)', async () => {
    const loaded = await loadReturnDir(dir);
    const result = validateSsda903(new Ssda903Return({ year: YEAR, tables: loaded.tables, laCode: LA }));
    expect(result.ran).toEqual(expect.arrayContaining(['700', '702', '705', '707', '708', '710']));
    expect(result.failures.filter((f) => Number(f.code) >= 700 && Number(f.code) <= 710)).toEqual([]);
  });

  it('a 2025/26 return has no DoLo table', async () => {
    const old = tempDir();
    expect((await exportSsda903(source.db, LA, 2026, old)).rows.DoLo).toBe(0);
    expect(readdirSync(old)).not.toContain('dolo.csv');
  });

  it('imports each order with its trail, and exports it back unchanged', async () => {
    const r = await importSsda903(target.db, dir, { actor: COMMAND_LINE, year: YEAR });
    // (OC2 rows without health outcomes are reported too: this council recorded none.)
    expect(r.notPlaced.filter((n) => n.table === 'DoLo')).toEqual([]);
    expect(r.written.deprivation_of_liberty_order).toBe(3);
    const orders = await sql<{ la_child_id: string; made_on: string; ended_on: string | null; court: string | null; period_id: string | null }>`
      select p.la_child_id, o.made_on::text, o.ended_on::text, o.court, o.period_id::text from deprivation_of_liberty_order o
      join person p on p.la_code = o.la_code and p.person_id = o.child_id order by p.la_child_id, o.made_on`.execute(target.db);
    expect(orders.rows).toEqual([
      { la_child_id: 'D001', made_on: '2026-01-15', ended_on: '2026-07-14', court: null, period_id: expect.any(String) },
      { la_child_id: 'D001', made_on: '2026-07-14', ended_on: null, court: null, period_id: expect.any(String) },
      { la_child_id: 'D002', made_on: '2026-06-01', ended_on: '2026-09-30', court: null, period_id: expect.any(String) },
    ]);
    const trail = await sql<{ n: number; what: string }>`
      select 'audit' as what, count(*)::int as n from audit_event where record_type = 'deprivation-of-liberty-order'
      union all select 'versions', count(*)::int from record_version where record_type = 'deprivation-of-liberty-order'
      union all select 'chronology', count(*)::int from chronology_entry where record_type = 'deprivation-of-liberty-order'`.execute(target.db);
    // Three orders (audit, first versions); five chronology entries: each made, and the two that ended.
    expect(Object.fromEntries(trail.rows.map((t) => [t.what, t.n]))).toEqual({ audit: 3, versions: 3, chronology: 5 });

    const again = tempDir();
    await exportSsda903(target.db, LA, YEAR, again);
    expect(readFileSync(path.join(again, 'dolo.csv'), 'utf8')).toBe(EXPECTED);
  });

  it('the same files again write nothing; the same orders in other files are matched; a bad row is reported, the rest kept', async () => {
    expect((await importSsda903(target.db, dir, { actor: COMMAND_LINE, year: YEAR })).alreadyImported).toBe(true);
    const copy = tempDir();
    for (const f of readdirSync(dir)) copyFileSync(path.join(dir, f), path.join(copy, f));
    const [head, ...lines] = EXPECTED.trim().split('\n');
    writeFileSync(path.join(copy, 'dolo.csv'), [head, ...lines.reverse(), 'D003,20/01/2012,10/03/2027,01/03/2027', ''].join('\n'));
    const r = await importSsda903(target.db, copy, { actor: COMMAND_LINE, year: YEAR });
    expect(r.alreadyImported).toBe(false);
    expect(r.written.deprivation_of_liberty_order).toBeUndefined();
    expect(r.notPlaced.filter((n) => n.table === 'DoLo')).toEqual([expect.objectContaining({ child: 'D003', reason: 'DOLO_END is before DOLO_START' })]);
    const n = await sql<{ n: number }>`select count(*)::int as n from deprivation_of_liberty_order`.execute(target.db);
    expect(n.rows[0]?.n).toBe(3);
  });
});
