/**
 * The DfE feed's page over HTTP: the administrator and the analyst see the runs with their counts
 * and the children the DfE refused with what it said; the analyst (who reads children's records)
 * sees their names, the administrator (who does not) only the council's ids. Others are refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DfeApiClient, runDfeFeed } from '../../../src/areas/exchange/index.ts';
import { COMMAND_LINE } from '../../../src/areas/returns/index.ts';
import { configFor, FakeDfe } from '../../helpers/fake-dfe.ts';
import { FIXTURE_PASSWORD, LA, openCinEpisode } from '../../helpers/fixture.ts';
import { client, type FixtureIds, signInAs, startFixtureServer, type TestServer } from '../../helpers/server.ts';

let server: TestServer, ids: FixtureIds;
const dfe = new FakeDfe();

beforeAll(async () => {
  ({ server, ids } = await startFixtureServer());
  await dfe.start();
  for (const child of [ids.childA, ids.childB]) await openCinEpisode(server.store.db, child, '2026-01-10', { source: '1B' });
  const config = configFor(dfe, { batchSize: 1, retryBaseMs: 50, retryCapMs: 100 });
  // Day 1: the first child's batch is accepted, the second's answered 500.
  dfe.script = [200, 500];
  await runDfeFeed(server.store.db, LA, { asOf: '2026-05-01', client: new DfeApiClient(config), batchSize: 1, actor: COMMAND_LINE });
});
afterAll(async () => {
  await server?.close();
  dfe.server?.close();
});

describe('the DfE feed page', () => {
  it('shows the analyst the run’s counts and the child in error with the DfE’s message, named', async () => {
    const analyst = client(server, await signInAs(server, 'analyst', FIXTURE_PASSWORD));
    const res = await analyst.get('/api/dfe-feed');
    expect(res.status).toBe(200);
    expect(res.body.runs).toEqual([
      expect.objectContaining({ runOn: '2026-05-01', sentFull: 1, sentPartial: 0, unchanged: 0, purged: 0, failed: 1, dryRun: false }),
    ]);
    expect(res.body.sentChildren).toBe(1);
    expect(res.body.errors).toHaveLength(1);
    const [error] = res.body.errors;
    expect(['Poppy Lambert', 'Jack Ferris']).toContain(error.childName);
    expect(error).toMatchObject({ mayOpen: true, sentKind: 'full', message: 'The DfE refused the batch (HTTP 500): refused with 500' });
  });

  it('shows the administrator the same, with the council’s id but not the child’s name', async () => {
    const admin = client(server, await signInAs(server, 'admin', FIXTURE_PASSWORD));
    const res = await admin.get('/api/dfe-feed');
    expect(res.status).toBe(200);
    expect(res.body.errors).toEqual([expect.objectContaining({ childName: null, mayOpen: false, laChildId: expect.stringMatching(/^T[12]$/) })]);
    expect(JSON.stringify(res.body)).not.toMatch(/Poppy|Jack/);
  });

  it('lands the administrator and the analyst on the children not accepted, leading to the page', async () => {
    const landing = async (username: string) => {
      const page = await client(server, await signInAs(server, username, FIXTURE_PASSWORD)).get('/api/work');
      return page.body.sections.find((s: { id: string }) => s.id === 'dfe-feed-errors');
    };
    const admin = await landing('admin');
    expect(admin).toMatchObject({ total: 1, more: { href: '/returns/dfe-feed' } });
    expect(admin.items[0]).toMatchObject({ what: expect.stringMatching(/^Child T[12]: not accepted by the DfE$/), childName: null });
    const analyst = await landing('analyst');
    expect(analyst.items[0]).toMatchObject({ what: 'Not accepted by the DfE', childName: expect.stringMatching(/Poppy Lambert|Jack Ferris/) });
  });

  it('is not open to a social worker', async () => {
    const sw = client(server, await signInAs(server, 'sw', FIXTURE_PASSWORD));
    expect((await sw.get('/api/dfe-feed')).status).toBe(403);
  });
});
