/**
 * Two Lantern servers on one PostgreSQL database serve the same council: a session made on one
 * works on the other and ends on both, a change made through one is read through the other, both
 * migrated at start without stepping on each other (the migration lock), and each scheduled job
 * runs on one of them only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/kernel/db/store.ts';
import { scheduler } from '../../src/kernel/jobs.ts';
import { SCHEDULED_JOBS } from '../../src/scheduled-jobs.ts';
import { DEMO_PASSWORD, seedCouncil } from '../../src/seed/generate.ts';
import { newPostgresDatabase } from '../helpers/db.ts';
import { client, signInAs, startTestServer, type TestServer } from '../helpers/server.ts';

let database: Awaited<ReturnType<typeof newPostgresDatabase>>;
let one: TestServer;
let two: TestServer;

beforeAll(async () => {
  database = await newPostgresDatabase('lantern_two');
  const { url } = database;
  // Both open (and so migrate) at once, as two instances started together by an orchestrator.
  const [a, b] = await Promise.all([openStore({ kind: 'postgres', databaseUrl: url }), openStore({ kind: 'postgres', databaseUrl: url })]);
  await seedCouncil(a.db, { children: 10, seed: 7 });
  one = await startTestServer({ store: a });
  two = await startTestServer({ store: b });
});

afterAll(async () => {
  await one?.close();
  await two?.close();
  await database?.drop();
});

describe('two servers on one PostgreSQL', () => {
  it('both migrated once: every migration recorded a single time', async () => {
    const rows = await one.store.db.selectFrom('schema_migration').select('version').execute();
    expect(new Set(rows.map((r) => r.version)).size).toBe(rows.length);
  });

  it('a session made on one server works on the other, and signing out on it ends it on both', async () => {
    const cookie = await signInAs(one, 'sw.demo', DEMO_PASSWORD);
    expect((await client(two, cookie).get('/api/session')).status).toBe(200);
    expect((await client(two, cookie).delete('/api/session')).status).toBeLessThan(300);
    expect((await client(one, cookie).get('/api/session')).status).toBe(401);
  });

  it('a child added through one server is found through the other', async () => {
    const cookie = await signInAs(two, 'sw.demo', DEMO_PASSWORD);
    const added = await client(one, cookie).post('/api/children', { givenName: 'Tamsin', familyName: 'Twoservers', sex: 'F', dateOfBirth: '2019-04-02' });
    expect(added.status).toBe(201);
    const found = await client(two, cookie).get('/api/children?q=Twoservers');
    expect(found.body.results.map((r: { childId: string }) => r.childId)).toContain(added.body.child.childId);
  });

  it('each scheduled job runs on one server only when both find it due', async () => {
    const [a, b] = await Promise.all([
      scheduler(one.store.db, SCHEDULED_JOBS, { instance: 'one' }).runDue(),
      scheduler(two.store.db, SCHEDULED_JOBS, { instance: 'two' }).runDue(),
    ]);
    const ran = [...a, ...b].filter((o) => o.outcome === 'ran');
    expect(ran.map((o) => o.job).sort()).toEqual(['clear-ended-sessions', 'refresh-deadlines']);
    const rows = await one.store.db.selectFrom('scheduled_job').select(['job', 'runs', 'last_instance']).orderBy('job').execute();
    expect(rows.map((r) => r.runs)).toEqual([1, 1]);
    for (const r of rows) expect(['one', 'two']).toContain(r.last_instance);
  });
});
