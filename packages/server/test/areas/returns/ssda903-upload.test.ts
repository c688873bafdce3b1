import { readdirSync, readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../../src/seed/generate.ts';
import { client, signInAs, startTestServer, type TestServer } from '../../helpers/server.ts';

// SSDA903 CSV files uploaded in the web app: the analyst checks another system's files by the
// DfE's rules, and imports the council's own earlier return, once.
const LA = 'E06000019';
let server: TestServer;
let analyst: ReturnType<typeof client>;

const folder = (name: string) => {
  const dir = new URL(`../../fixtures/${name}/`, import.meta.url);
  return readdirSync(dir)
    .sort()
    .map((file) => ({ name: file, text: readFileSync(new URL(file, dir), 'utf8') }));
};

async function recorded() {
  const r = await sql<{ children: number; episodes: number; imports: number }>`
    select (select count(*)::int from person where la_code = ${LA}) as children,
           (select count(*)::int from cla_episode where la_code = ${LA}) as episodes,
           (select count(*)::int from audit_event where la_code = ${LA} and action = 'import') as imports`.execute(server.store.db);
  return r.rows[0] as { children: number; episodes: number; imports: number };
}

beforeAll(async () => {
  server = await startTestServer({ children: 40 });
  analyst = client(server, await signInAs(server, 'analyst.demo', DEMO_PASSWORD));
});
afterAll(async () => server.close());

describe('SSDA903 files uploaded in the web app', () => {
  it('checks files from another system: each recognised by its columns, failures grouped by rule naming the file and row', async () => {
    const res = await analyst.post('/api/returns/ssda903/validate', { year: 2026, files: folder('ssda903') });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ year: 2026, children: 3, errors: 4 });
    expect(res.body.files).toEqual([
      { file: 'children.csv', table: 'Header', rows: 3 },
      { file: 'export-2.csv', table: 'Episodes', rows: 3 },
    ]);
    expect(res.body.ignored).toEqual([{ file: 'notes.csv', reason: 'its columns are not those of any SSDA903 table' }]);
    expect(res.body.rules.map((r: { code: string }) => r.code).sort()).toEqual(['101', '103', '143', '357']);
    expect(res.body.rules.find((r: { code: string }) => r.code === '101')).toEqual({
      code: '101',
      severity: 'error',
      message: 'The child or young person’s reported sex is not valid.',
      count: 1,
      // A child of another system is not one of this council's records.
      failures: [{ laChildId: '1002', childId: null, module: 'Header in children.csv', row: 'row 2', fields: ['SEX=X'], line: 3 }],
    });
  });

  it('refuses files that are not a return, naming the field and rule', async () => {
    const none = await analyst.post('/api/returns/ssda903/validate', { year: 2026, files: [] });
    expect(none.status).toBe(400);
    expect(JSON.stringify(none.body)).toContain('files');
    const notes = folder('ssda903').filter((f) => f.name === 'notes.csv');
    const notTables = await analyst.post('/api/returns/ssda903/validate', { year: 2026, files: notes });
    expect(notTables.status).toBe(400);
    expect(notTables.body.errors[0]).toMatchObject({ field: 'files', rule: 'ssda903-readable' });
    expect(notTables.body.errors[0].message).toContain('notes.csv');
    const header = folder('ssda903').filter((f) => f.name === 'children.csv');
    const twice = await analyst.post('/api/returns/ssda903/validate', { year: 2026, files: [header[0], { ...header[0], name: 'copy.csv' }] });
    expect(twice.status).toBe(400);
    expect(twice.body.errors[0]).toMatchObject({ field: 'files', rule: 'ssda903-readable' });
    // A file's name is a label, never a path on the server.
    const notAName = await analyst.post('/api/returns/ssda903/validate', { year: 2026, files: [{ ...header[0], name: '..' }] });
    expect(notAName.status).toBe(400);
    expect(notAName.body.errors[0]).toMatchObject({ field: 'files', rule: 'ssda903-readable' });
    const pathName = await analyst.post('/api/returns/ssda903/validate', { year: 2026, files: [{ ...header[0], name: '../../tmp/children.csv' }] });
    expect(pathName.body.files).toEqual([{ file: 'children.csv', table: 'Header', rows: 3 }]);
    const badYear = await analyst.post('/api/returns/ssda903/validate', { year: 2019, files: header });
    expect(badYear.status).toBe(400);
    expect(JSON.stringify(badYear.body)).toContain('year');
  });

  it('another council’s return is refused and writes nothing; a social worker may not import or check', async () => {
    const before = await recorded();
    const elsewhere = folder('ssda903-import').map((f) => ({ ...f, text: f.text.replaceAll('A8842', 'A2022') }));
    const res = await analyst.post('/api/returns/ssda903/imports', { year: 2026, files: elsewhere });
    expect(res.status).toBe(400);
    expect(res.body.errors[0]).toMatchObject({ field: 'files', rule: 'own-council' });
    expect(res.body.errors[0].message).toContain('LA 202');
    const sw = client(server, await signInAs(server, 'sw.demo', DEMO_PASSWORD));
    expect((await sw.post('/api/returns/ssda903/imports', { year: 2026, files: folder('ssda903-import') })).status).toBe(403);
    expect((await sw.post('/api/returns/ssda903/validate', { year: 2026, files: folder('ssda903') })).status).toBe(403);
    // A head of service produces returns but does not import them.
    const hos = client(server, await signInAs(server, 'hos.demo', DEMO_PASSWORD));
    expect((await hos.post('/api/returns/ssda903/imports', { year: 2026, files: folder('ssda903-import') })).status).toBe(403);
    expect(await recorded()).toEqual(before);
  });

  it('imports the council’s own return, reporting what it wrote and could not place; again, nothing new', async () => {
    const before = await recorded();
    const first = await analyst.post('/api/returns/ssda903/imports', { year: 2026, files: folder('ssda903-import') });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ year: 2026, children: 5, alreadyImported: false });
    expect(first.body.written).toMatchObject({ person: 6, cla_episode: 4, cla_review: 2, missing_episode: 2, allocation: 3 });
    expect(first.body.notPlaced).toEqual([
      { child: 'IMP002', table: 'Episodes', row: 4, reason: 'A second episode with the same DECOM: a child has one episode starting on a day' },
      { child: 'IMP002', table: 'Reviews', row: 4, reason: 'A review needs a REVIEW date and a REVIEW_CODE PN0–PN7' },
      { child: 'IMP005', table: 'Episodes', row: 7, reason: 'RNE, LS, CIN and PLACE must each hold a DfE code' },
    ]);
    const after = await recorded();
    expect(after.children - before.children).toBe(6);
    expect(after.episodes - before.episodes).toBe(4);
    // The imported child is on the council's record, found by the analyst.
    const found = await analyst.get('/api/children?q=IMP001');
    expect(found.status).toBe(200);
    expect(JSON.stringify(found.body)).toContain('IMP001');

    const again = await analyst.post('/api/returns/ssda903/imports', { year: 2026, files: folder('ssda903-import') });
    expect(again.status).toBe(201);
    expect(again.body).toMatchObject({ alreadyImported: true, written: {}, importId: first.body.importId });
    const afterAgain = await recorded();
    expect({ children: afterAgain.children, episodes: afterAgain.episodes }).toEqual({ children: after.children, episodes: after.episodes });
  });
});
