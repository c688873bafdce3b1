import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFixture, FIXTURE_PASSWORD, LA } from '../../helpers/fixture.ts';
import { client, signInAs, startTestServer, type TestServer } from '../../helpers/server.ts';

// The decisions on a child's record as a manager reads them: newest first even within one day,
// and every part in words (an allocation's role, never "social-worker").
let server: TestServer;
let ids: Awaited<ReturnType<typeof buildFixture>>;
let tm: ReturnType<typeof client>;

beforeAll(async () => {
  server = await startTestServer();
  ids = await buildFixture(server.store.db);
  await server.store.db
    .insertInto('cin_episode')
    .values({ la_code: LA, episode_id: randomUUID(), child_id: ids.childUnallocated, referral_date: '2026-01-05', referral_source: '1A', primary_need: 'N1' })
    .execute();
  tm = client(server, await signInAs(server, 'tm', FIXTURE_PASSWORD));
});
afterAll(() => server?.close());

describe('the decisions on a child’s record', () => {
  it('lists decisions made the same day newest first, by when they were recorded', async () => {
    const day = '2026-01-12';
    const decide = (kind: string, reasons: string) =>
      tm.post(`/api/children/${ids.childUnallocated}/decisions`, { kind, decidedOn: day, reasons, evidenceSeen: 'Case file read.' });
    expect((await decide('step-up', 'First decision of the day.')).status).toBe(201);
    expect((await decide('step-down', 'Second decision of the day.')).status).toBe(201);
    const { decisions } = (await tm.get(`/api/children/${ids.childUnallocated}/accountability`)).body;
    const sameDay = decisions.filter((d: { on: string }) => d.on === day).map((d: { reasons: string }) => d.reasons);
    expect(sameDay).toEqual(['Second decision of the day.', 'First decision of the day.']);
  });

  it('names an allocation’s role in words', async () => {
    expect((await tm.post(`/api/children/${ids.childUnallocated}/allocations`, { workerId: ids.swA, startDate: '2026-01-13' })).status).toBe(201);
    const { decisions } = (await tm.get(`/api/children/${ids.childUnallocated}/accountability`)).body;
    const allocation = decisions.find((d: { kind: string }) => d.kind === 'allocation');
    expect(allocation.label).toBe('Allocation');
    expect(allocation.detail).toMatch(/^Allocated social worker: \S+/);
    for (const d of decisions) expect(`${d.label} ${d.detail ?? ''}`, d.kind).not.toMatch(/social-worker|strategy-discussion|child-in-need-plan/);
  });
});
