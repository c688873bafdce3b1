import { addWorkingDays, calendarDays, workingDaysBetween } from '@lantern/core/calendar';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, startTestServer, type TestServer } from '../helpers/server.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.close());

describe('the API kernel', () => {
  it('answers health checks without signing in', async () => {
    const res = await client(server).get('/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok', database: process.env.LANTERN_TEST_DB === 'postgres' ? 'postgres' : 'pglite' });
  });

  it('serves an OpenAPI 3.1 document generated from the route schemas', async () => {
    const res = await client(server).get('/api/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe('3.1.0');
    expect(Object.keys(res.body.paths)).toEqual(expect.arrayContaining(['/api/children', '/api/children/{childId}', '/api/session', '/api/workers']));
    const create = res.body.paths['/api/children'].post.requestBody.content['application/json'].schema;
    expect(create.required).toEqual(expect.arrayContaining(['givenName', 'familyName', 'sex']));
  });

  it('answers unknown API paths with a problem document', async () => {
    const res = await client(server).get('/api/nothing-here');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
  });

  it('answers a missing file with 404, not the web app', async () => {
    const res = await client(server).get('/static/no-such-file.js');
    expect(res.status).toBe(404);
  });

  it('refuses a write that is not JSON', async () => {
    const res = await fetch(`${server.url}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'username=a&password=b',
    });
    expect(res.status).toBe(415);
  });

  it('refuses malformed JSON with a 400 problem', async () => {
    const res = await fetch(`${server.url}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"username":' });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { title: string }).title).toBe('Invalid request');
  });
});

describe('the working-day calendar in SQL', () => {
  it('holds the same working days as the TypeScript calendar', async () => {
    const expected = calendarDays('2022-01-01', '2027-12-31');
    const rows = await server.store.db
      .selectFrom('calendar_day')
      .selectAll()
      .where('day', '>=', '2022-01-01')
      .where('day', '<=', '2027-12-31')
      .orderBy('day')
      .execute();
    expect(rows.map((r) => [r.day, r.is_working_day])).toEqual(expected.map((d) => [d.date, d.isWorkingDay]));
  });

  it('computes "n working days after" and "working days between" as lookups that agree with TypeScript', async () => {
    const cases: [string, number][] = [
      ['2022-05-27', 15],
      ['2022-09-16', 1],
      ['2023-05-05', 1],
      ['2026-12-24', 1],
      ['2026-12-24', 45],
      ['2027-03-20', 15],
      ['2026-11-21', 0],
    ];
    for (const [from, n] of cases) {
      const row = await sql<{ due: string }>`
        select c2.day as due from calendar_day c1
        join calendar_day c2 on c2.is_working_day and c2.working_day_number = c1.working_day_number + ${n} + (case when c1.is_working_day or ${n} > 0 then 0 else 1 end)
        where c1.day = ${from}`.execute(server.store.db);
      expect(row.rows[0]?.due, `${n} working days after ${from}`).toBe(addWorkingDays(from, n));
      const between = await sql<{ n: number }>`
        select c2.working_day_number - c1.working_day_number as n from calendar_day c1, calendar_day c2 where c1.day = ${from} and c2.day = ${addWorkingDays(from, n)}`.execute(
        server.store.db,
      );
      expect(Number(between.rows[0]?.n)).toBe(workingDaysBetween(from, addWorkingDays(from, n)));
    }
  });
});
