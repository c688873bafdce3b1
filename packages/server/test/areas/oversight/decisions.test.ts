import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCinEpisode } from '../../helpers/fixture.ts';
import { type Client, type FixtureIds, signedIn, startFixtureServer, type TestServer } from '../../helpers/server.ts';

// The decisions on a child's record as a manager reads them: newest first even within one day,
// and every part in words (an allocation's role, never "social-worker").
let server: TestServer, ids: FixtureIds;
let tm: Client;

beforeAll(async () => {
  ({ server, ids } = await startFixtureServer());
  [tm] = await signedIn(server, 'tm');
  await openCinEpisode(server.store.db, ids.childUnallocated, '2026-01-05');
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
