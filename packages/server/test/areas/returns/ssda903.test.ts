import { TABLE_COLUMNS } from '@lantern/core/returns/ssda903/model';
import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../../src/seed/generate.ts';
import { client, type Client, signInAs, startDemoWithAnalyst, type TestServer } from '../../helpers/server.ts';

// The synthetic council's SSDA903 return over HTTP: the analyst produces it, validates it, downloads its tables.
const LA = 'E06000019';
let server: TestServer;
let analyst: Client;
let analystCookie: string;

beforeAll(async () => {
  ({ server, analyst, analystCookie } = await startDemoWithAnalyst());
});
afterAll(async () => server.close());

const download = (runId: string, table: string, cookie = analystCookie) =>
  fetch(`${server.url}/api/returns/ssda903/runs/${runId}/tables/${table}`, { headers: { cookie } });

describe('SSDA903 in the web app', () => {
  it('the synthetic council’s 2025/26 return validates with no errors; each table downloads with the DfE’s columns; every child is audited', async () => {
    const res = await analyst.post('/api/returns/ssda903/runs', { year: 2026 });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ year: 2026, errors: 0, rules: [] });
    expect(res.body.rulesRun).toBeGreaterThan(200);
    expect(res.body.children).toBeGreaterThan(5);
    const rows = Object.fromEntries(res.body.tables.map((t: { table: string; rows: number }) => [t.table, t.rows]));
    expect(rows.Header).toBe(res.body.children);
    expect(rows.Episodes).toBeGreaterThanOrEqual(rows.Header - rows.OC3);

    const header = await download(res.body.runId, 'Header');
    expect(header.status).toBe(200);
    expect(header.headers.get('content-disposition')).toContain(`${LA}-ssda903-2026-header.csv`);
    const lines = (await header.text()).trim().split(/\r?\n/);
    expect(lines[0]).toBe(TABLE_COLUMNS.Header.join(','));
    expect(lines.length - 1).toBe(res.body.children);
    const episodes = (await (await download(res.body.runId, 'Episodes')).text()).split(/\r?\n/);
    expect(episodes[0]).toBe(TABLE_COLUMNS.Episodes.join(','));

    // One audit row a child in the return, in the analyst's name; and one for each file downloaded.
    const audited = await sql<{ children: number; files: number }>`
      select count(distinct child_id) filter (where record_type = 'ssda903')::int as children,
             count(*) filter (where record_type = 'ssda903-file' and record_id = ${res.body.runId})::int as files
      from audit_event where la_code = ${LA} and username = 'analyst.demo' and action = 'export'`.execute(server.store.db);
    expect(audited.rows[0]).toEqual({ children: res.body.children, files: 2 });
    expect((await analyst.get('/api/returns/ssda903/runs')).body.runs[0].runId).toBe(res.body.runId);
    // The files hold personal data: none is left on disk once the run is made (the tables above came from memory).
    expect(readdirSync(tmpdir()).filter((name) => name.startsWith(`lantern-return-work-${process.pid}-`))).toEqual([]);
  });

  it('groups a broken child’s failure by rule, naming the child, their record, the table, row and fields', async () => {
    // A child looked after all March 2026 whose UPN is recorded as UN4 ("not yet obtained"): rule 210.
    const child = (
      await sql<{ person_id: string; la_child_id: string }>`
        select p.person_id, p.la_child_id from person p
        where p.la_code = ${LA} and exists (select 1 from cla_episode e where e.la_code = p.la_code and e.child_id = p.person_id
          and e.start_date <= '2026-03-01' and (e.end_date is null or e.end_date > '2026-03-31'))
        order by p.la_child_id limit 1`.execute(server.store.db)
    ).rows[0];
    expect(child).toBeDefined();
    const { person_id: personId, la_child_id: laChildId } = child as { person_id: string; la_child_id: string };
    await sql`update person set upn = null, upn_unknown = 'UN4' where la_code = ${LA} and person_id = ${personId}`.execute(server.store.db);

    const res = await analyst.post('/api/returns/ssda903/runs', { year: 2026 });
    expect(res.status).toBe(201);
    expect(res.body.errors).toBe(1);
    expect(res.body.rules).toEqual([
      {
        code: '210',
        severity: 'error',
        message: expect.stringContaining('UN4'),
        count: 1,
        failures: [{ laChildId, childId: personId, module: 'Header', row: expect.stringMatching(/^row \d+$/), fields: ['UPN=UN4'], line: expect.any(Number) }],
      },
    ]);
    // The row named is the child's row of the Header file.
    const lines = (await (await download(res.body.runId, 'Header')).text()).trim().split(/\r?\n/);
    expect(lines[res.body.rules[0].failures[0].line - 1]?.startsWith(`${laChildId},`)).toBe(true);
  });

  it('refuses a year without rules and a table that is not one, naming the field; another council’s run is not found; a social worker may not', async () => {
    const badYear = await analyst.post('/api/returns/ssda903/runs', { year: 2019 });
    expect(badYear.status).toBe(400);
    expect(JSON.stringify(badYear.body)).toContain('year');
    const run = (await analyst.get('/api/returns/ssda903/runs')).body.runs[0].runId;
    const badTable = await download(run, 'Placements');
    expect(badTable.status).toBe(400);
    expect(await badTable.text()).toContain('table');
    expect((await download('00000000-0000-0000-0000-000000000000', 'Header')).status).toBe(404);
    const swCookie = await signInAs(server, 'sw.demo', DEMO_PASSWORD);
    expect((await client(server, swCookie).post('/api/returns/ssda903/runs', { year: 2026 })).status).toBe(403);
    expect((await download(run, 'Header', swCookie)).status).toBe(403);
  });
});
