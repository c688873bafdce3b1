/**
 * The server sends the DfE's feed itself, each day at the configured time: two servers finding it
 * due together send it once (the jobs' database lock), it is not sent again the same day, and the
 * next day it runs again (sending only what changed). Against the local HTTP server playing the DfE.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DfeApiClient, type DfeApiConfig } from '../../../src/areas/exchange/index.ts';
import type { Store } from '../../../src/kernel/db/store.ts';
import { scheduler } from '../../../src/kernel/jobs.ts';
import { dfeFeedJob } from '../../../src/scheduled-jobs.ts';
import { openTestStore } from '../../helpers/db.ts';
import type { FixtureIds } from '../../helpers/server.ts';
import { configFor, FakeDfe } from '../../helpers/fake-dfe.ts';
import { buildFixture, LA, openCinEpisode } from '../../helpers/fixture.ts';

describe('the DfE feed as a scheduled job', () => {
  let store: Store;
  let ids: FixtureIds;
  const dfe = new FakeDfe();
  let config: DfeApiConfig;

  beforeAll(async () => {
    store = await openTestStore();
    ids = await buildFixture(store.db);
    await dfe.start();
    config = configFor(dfe);
    for (const child of [ids.childA, ids.childB]) await openCinEpisode(store.db, child, '2026-01-10', { source: '1B' });
  });
  afterAll(async () => {
    await store?.close();
    dfe.server?.close();
  });

  // Due from midnight: whenever the test runs, today's time has come.
  const job = () => dfeFeedJob('00:00', () => new DfeApiClient(config), config.batchSize);
  const jobRow = () => store.db.selectFrom('scheduled_job').selectAll().where('job', '=', 'dfe-feed').executeTakeFirstOrThrow();

  it('two servers finding it due together send the feed once; it is not sent again the same day', async () => {
    const [a, b] = await Promise.all([
      scheduler(store.db, [job()], { instance: 'server-a' }).runDue(),
      scheduler(store.db, [job()], { instance: 'server-b' }).runDue(),
    ]);
    const outcomes = [...a, ...b];
    expect(outcomes.filter((o) => o.outcome === 'ran')).toEqual([
      { job: 'dfe-feed', outcome: 'ran', detail: `${LA}: 2 in full, 0 partial, 0 purged, 0 unchanged, 0 failed` },
    ]);
    expect(outcomes.filter((o) => o.outcome === 'skipped')).toHaveLength(1);
    // The DfE received each child once, in one batch.
    expect(
      dfe
        .sent()
        .map((c) => c.la_child_id)
        .sort(),
    ).toEqual(['T1', 'T2']);
    const runs = await store.db.selectFrom('dfe_feed_run').selectAll().execute();
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ sent_full: 2, failed: 0, dry_run: false });
    expect(runs[0]?.finished_at).not.toBeNull();
    const row = await jobRow();
    expect(row).toMatchObject({ runs: 1, last_outcome: `${LA}: 2 in full, 0 partial, 0 purged, 0 unchanged, 0 failed` });
    expect(['server-a', 'server-b']).toContain(row.last_instance);

    expect(await scheduler(store.db, [job()]).runDue()).toEqual([{ job: 'dfe-feed', outcome: 'skipped', detail: 'not due yet' }]);
    expect(dfe.sent()).toHaveLength(2);
    // The audit trail names the server's scheduler as who sent each child.
    const audit = await store.db.selectFrom('audit_event').select(['username', 'child_id']).where('record_type', '=', 'dfe-csc-api').execute();
    expect(audit.map((r) => r.username)).toEqual(['lantern-scheduler', 'lantern-scheduler']);
  });

  it('the next day it runs again, sending only what changed (nothing)', async () => {
    await store.db
      .updateTable('scheduled_job')
      .set({ last_started_at: new Date(Date.now() - 24 * 3600 * 1000) })
      .where('job', '=', 'dfe-feed')
      .execute();
    const [outcome] = await scheduler(store.db, [job()]).runDue();
    expect(outcome).toEqual({ job: 'dfe-feed', outcome: 'ran', detail: `${LA}: 0 in full, 0 partial, 0 purged, 2 unchanged, 0 failed` });
    expect(dfe.sent()).toHaveLength(2);
    expect((await jobRow()).runs).toBe(2);
  });

  it('is not due before its time of day', async () => {
    const london = new Date().toLocaleTimeString('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit' });
    if (london >= '23:59') return; // the one minute of the day with no later time to ask for
    const later = dfeFeedJob('23:59', () => new DfeApiClient(config), 100);
    await store.db.updateTable('scheduled_job').set({ last_started_at: null }).where('job', '=', 'dfe-feed').execute();
    expect(await scheduler(store.db, [later]).runDue()).toEqual([{ job: 'dfe-feed', outcome: 'skipped', detail: 'not due yet' }]);
  });

  it('a run that cannot sign in to the DfE is noted on the job as failed, for the operator', async () => {
    const broken = dfeFeedJob('00:00', () => new DfeApiClient({ ...config, clientSecret: 'wrong' }), 100);
    await store.db.updateTable('scheduled_job').set({ last_started_at: null }).where('job', '=', 'dfe-feed').execute();
    // A change to send: the child's first name as recorded.
    await store.db.updateTable('person').set({ given_name: 'Poppie' }).where('person_id', '=', ids.childA).execute();
    const [outcome] = await scheduler(store.db, [broken]).runDue();
    expect(outcome).toEqual({ job: 'dfe-feed', outcome: 'failed', detail: 'The DfE token endpoint refused the client credentials (HTTP 401)' });
    expect(await jobRow()).toMatchObject({ runs: 3, last_outcome: 'failed: The DfE token endpoint refused the client credentials (HTTP 401)' });
    expect(dfe.sent()).toHaveLength(2);
  });
});
