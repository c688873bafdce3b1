import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refreshObligations } from '../../../src/kernel/obligations.ts';
import { DEMO_PASSWORD } from '../../../src/seed/generate.ts';
import { client, signInAs, startTestServer, type TestServer } from '../../helpers/server.ts';

// A demo council: some children's cases are long closed (every deadline met or ended), others
// have a protection plan running. A council that changes its visit frequency changes what is due
// now, not what was due in a case already closed.
let server: TestServer;
const LA = 'E06000019';

beforeAll(async () => {
  server = await startTestServer({ children: 200 });
});
afterAll(() => server?.close());

type Row = { child_id: string; rule_id: string; source_id: string; start_date: string; due_date: string; met_on: string | null; refreshed_at: string };

/** Every deadline of the children whose deadlines are all met or ended, as stored. */
async function settledRows(): Promise<Row[]> {
  const r = await sql<Row>`
    select o.child_id, o.rule_id, o.source_id, o.start_date::text, o.due_date::text, o.met_on::text, o.refreshed_at::text
    from obligation o
    where o.la_code = ${LA}
      and not exists (select 1 from obligation x where x.la_code = o.la_code and x.child_id = o.child_id and x.met_on is null and x.ended_on is null)
    order by o.child_id, o.rule_id, o.source_id`.execute(server.store.db);
  return r.rows;
}

describe('settled history', () => {
  it('a new visit frequency moves open visits’ due dates and leaves closed cases’ deadlines as they were', async () => {
    const before = await settledRows();
    // The closed cases include protection visits counted at the default 10 working days.
    const closedVisits = before.filter((r) => r.rule_id === 'cp-visit');
    expect(closedVisits.length).toBeGreaterThan(0);
    const open = await sql<{ child_id: string; source_id: string; start_date: string }>`
      select child_id, source_id, start_date::text from obligation
      where la_code = ${LA} and rule_id = 'cp-visit' and met_on is null and ended_on is null limit 1`.execute(server.store.db);
    const visit = open.rows[0];
    expect(visit).toBeDefined();

    const hos = client(server, await signInAs(server, 'hos.demo', DEMO_PASSWORD));
    const res = await hos.put('/api/settings/timescales/cp-visit', { unit: 'weeks', n: 2 });
    expect(res.status).toBe(200);

    // The open visit is now due two weeks after its clock started.
    const now = await sql<{ due: string; expected: string }>`
      select due_date::text as due, (start_date + 14)::text as expected from obligation
      where la_code = ${LA} and child_id = ${visit?.child_id} and rule_id = 'cp-visit' and source_id = ${visit?.source_id}`.execute(server.store.db);
    expect(now.rows[0]?.due).toBe(now.rows[0]?.expected);
    // Every closed case's deadline is the row it was, not rewritten (its refresh time unchanged too),
    // so a visit that was on time under the old frequency is still on time.
    expect(await settledRows()).toEqual(before);
    expect(closedVisits.some((r) => r.due_date !== addDays(r.start_date, 14))).toBe(true);
  });

  it('a rebuild puts back deadlines changed or lost outside the engine, and rewrites nothing else', async () => {
    const facts = async () =>
      (
        await sql<Row>`
          select child_id, rule_id, source_id, start_date::text, due_date::text, met_on::text, ended_on::text, responsible_worker_id, refreshed_at::text
          from obligation where la_code = ${LA} order by child_id, rule_id, source_id`.execute(server.store.db)
      ).rows;
    // Every child re-derived under the council's settings as they now stand, then kept as they are.
    await refreshObligations(server.store.db, LA);
    const before = await facts();
    // The IRO's contact after a review (its due date set by the review settlement), a protection visit's, and a child's every deadline.
    const pick = (rule: string) => before.find((r) => r.rule_id === rule) as Row;
    const review = pick('iro-contact');
    const visit = pick('cp-visit');
    const child = before.find((r) => r.child_id !== review.child_id && r.child_id !== visit.child_id) as Row;
    await sql`update obligation set due_date = due_date + 3 where la_code = ${LA} and source_id = ${review.source_id} and rule_id = 'iro-contact'`.execute(
      server.store.db,
    );
    await sql`delete from obligation where la_code = ${LA} and source_id = ${visit.source_id} and rule_id = 'cp-visit'`.execute(server.store.db);
    await sql`delete from obligation where la_code = ${LA} and child_id = ${child.child_id}`.execute(server.store.db);

    await refreshObligations(server.store.db, LA);
    const after = await facts();
    const touched = new Set([review.child_id, visit.child_id, child.child_id]);
    const withoutTime = (rows: Row[]) => rows.map(({ refreshed_at, ...r }) => r);
    expect(withoutTime(after)).toEqual(withoutTime(before));
    // Every other child's rows are the rows they were, refresh time and all.
    expect(after.filter((r) => !touched.has(r.child_id))).toEqual(before.filter((r) => !touched.has(r.child_id)));
  });
});

function addDays(iso: string, n: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}
