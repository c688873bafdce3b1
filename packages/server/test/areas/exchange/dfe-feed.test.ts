/**
 * The DfE's daily feed against a real HTTP server on this machine playing the DfE's side: a
 * token endpoint (client credentials) and the children endpoint, scripted to answer success,
 * 401 then success, 429 with back-off, and 500. Three simulated days: full, partial, purge.
 */
import { randomUUID } from 'node:crypto';
import { dfeChildJsonSchema } from '@lantern/core/dfe-csc-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DfeApiClient, type DfeApiConfig, exportDfeCscApi, runDfeFeed } from '../../../src/areas/exchange/index.ts';
import { COMMAND_LINE } from '../../../src/areas/returns/index.ts';
import type { Store } from '../../../src/kernel/db/store.ts';
import { openTestStore } from '../../helpers/db.ts';
import { configFor, FakeDfe } from '../../helpers/fake-dfe.ts';
import { buildFixture, LA } from '../../helpers/fixture.ts';

describe('the DfE daily feed', () => {
  let store: Store;
  let ids: Awaited<ReturnType<typeof buildFixture>>;
  const dfe = new FakeDfe();
  let config: DfeApiConfig;
  const episodeA = randomUUID();
  const episodeB = randomUUID();
  const assessmentA = randomUUID();

  beforeAll(async () => {
    store = await openTestStore();
    ids = await buildFixture(store.db);
    await dfe.start();
    config = configFor(dfe, { batchSize: 1 });
    const episode = (episode_id: string, child_id: string, referral_date: string) => ({
      la_code: LA,
      episode_id,
      child_id,
      referral_date,
      referral_source: '1B',
      primary_need: 'N1',
    });
    await store.db
      .insertInto('cin_episode')
      .values([episode(episodeA, ids.childA, '2026-01-10'), episode(episodeB, ids.childB, '2026-02-01')])
      .execute();
  });
  afterAll(async () => {
    await store?.close();
    dfe.server?.close();
  });

  const run = (asOf: string, batchSize = config.batchSize) =>
    runDfeFeed(store.db, LA, { asOf, client: new DfeApiClient({ ...config, batchSize }), batchSize, actor: COMMAND_LINE });
  const stateOf = (childId: string) => store.db.selectFrom('dfe_feed_child').selectAll().where('child_id', '=', childId).executeTakeFirstOrThrow();

  it('writes every cohort child in full, in the reference field names, valid against the generated JSON Schema', async () => {
    let text = '';
    const r = await exportDfeCscApi(
      store.db,
      LA,
      '2026-05-01',
      async (s) => {
        text += s;
      },
      COMMAND_LINE,
    );
    expect(r).toMatchObject({ written: 2, invalid: [] });
    const children = JSON.parse(text);
    const poppy = children.find((c: { la_child_id: string }) => c.la_child_id === 'T1');
    expect(poppy).toMatchObject({
      la_code: 884,
      mis_child_id: ids.childA,
      child_details: { first_name: 'Poppy', surname: 'Lambert', date_of_birth: '2015-03-12', sex: 'F', ethnicity: 'WBRI' },
      social_care_episodes: [{ social_care_episode_id: episodeA, referral_date: '2026-01-10', referral_source: '1B', closure_date: null }],
    });
    expect(Object.keys(dfeChildJsonSchema().properties as object)).toEqual([
      'la_code',
      'la_child_id',
      'mis_child_id',
      'purge',
      'child_details',
      'health_and_wellbeing',
      'social_care_episodes',
    ]);
    const audited = await store.db.selectFrom('audit_event').select('child_id').where('record_type', '=', 'dfe-csc-api').execute();
    expect(audited.map((a) => a.child_id).sort()).toEqual([ids.childA, ids.childB].sort());
  });

  it('day 1: a 401 gets a new token and the children go in full, one batch each', async () => {
    dfe.script = [401];
    const r = await run('2026-05-01');
    expect(r).toMatchObject({ full: 2, partial: 0, unchanged: 0, purged: 0, failed: 0 });
    expect(dfe.tokens).toHaveLength(2);
    expect(dfe.posts).toHaveLength(3);
    expect(dfe.posts[0]?.path).toBe('/api/children_social_care_data/884/children');
    expect(dfe.sent().map((c) => c.la_child_id)).toEqual(['T1', 'T1', 'T2']);
    const a = await stateOf(ids.childA);
    expect(a).toMatchObject({ state: 'sent', sent_kind: 'full', answer: { la_child_id: 'T1', status: 'accepted' } });
    expect(a.last_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('day 2: only the changed child is sent, as a partial object, after a 429 and a back-off', async () => {
    await store.db
      .insertInto('assessment')
      .values({ la_code: LA, assessment_id: assessmentA, episode_id: episodeA, child_id: ids.childA, start_date: '2026-05-01', factors: ['3B'] })
      .execute();
    dfe.posts = [];
    dfe.script = [429];
    const r = await run('2026-05-02', 100);
    expect(r).toMatchObject({ full: 0, partial: 1, unchanged: 1, purged: 0, failed: 0 });
    expect(dfe.posts).toHaveLength(2);
    expect((dfe.posts[1]?.at ?? 0) - (dfe.posts[0]?.at ?? 0)).toBeGreaterThanOrEqual(190);
    const [partial] = dfe.sent();
    expect(partial).toEqual({
      la_code: 884,
      la_child_id: 'T1',
      mis_child_id: ids.childA,
      child_details: expect.objectContaining({ first_name: 'Poppy' }),
      social_care_episodes: [
        {
          social_care_episode_id: episodeA,
          child_and_family_assessments: [{ child_and_family_assessment_id: assessmentA, start_date: '2026-05-01', authorisation_date: null, factors: ['3B'] }],
        },
      ],
    });
  });

  it('day 3: a child gone from the cohort is purged, and an assessment deleted at source is sent with purge', async () => {
    await store.db.deleteFrom('cin_episode').where('episode_id', '=', episodeB).execute();
    await store.db.deleteFrom('assessment').where('assessment_id', '=', assessmentA).execute();
    dfe.posts = [];
    const r = await run('2026-05-03', 100);
    expect(r).toMatchObject({ full: 0, partial: 1, unchanged: 0, purged: 1, failed: 0 });
    const sent = dfe.sent();
    expect(sent.find((c) => c.la_child_id === 'T2')).toEqual({ la_code: 884, la_child_id: 'T2', mis_child_id: ids.childB, purge: true });
    expect(sent.find((c) => c.la_child_id === 'T1')?.social_care_episodes).toEqual([
      { social_care_episode_id: episodeA, child_and_family_assessments: [{ child_and_family_assessment_id: assessmentA, purge: true }] },
    ]);
    expect(await stateOf(ids.childB)).toMatchObject({ state: 'sent', sent_kind: 'purge', in_cohort: false, last_payload: null });
    const runs = await store.db.selectFrom('dfe_feed_run').selectAll().where('dry_run', '=', false).orderBy('started_at').execute();
    expect(runs.map((x) => [x.run_on, x.sent_full, x.sent_partial, x.unchanged, x.purged, x.failed])).toEqual([
      ['2026-05-01', 2, 0, 0, 0, 0],
      ['2026-05-02', 0, 1, 1, 0, 0],
      ['2026-05-03', 0, 1, 0, 1, 0],
    ]);
  });

  it('a 500 marks the children in error with the answer kept, and the next run sends them again', async () => {
    await store.db.updateTable('person').set({ family_name: 'Lambert-Hughes' }).where('person_id', '=', ids.childA).execute();
    dfe.posts = [];
    dfe.script = [500];
    const failed = await run('2026-05-04', 100);
    expect(failed).toMatchObject({ partial: 0, failed: 1 });
    expect(dfe.posts).toHaveLength(1); // a 500 is not retried
    expect(await stateOf(ids.childA)).toMatchObject({ state: 'error', answer: { status: 500, body: { message: 'refused with 500' } } });
    const again = await run('2026-05-05', 100);
    expect(again).toMatchObject({ partial: 1, failed: 0 });
    expect(await stateOf(ids.childA)).toMatchObject({ state: 'sent' });
  });

  it('a dry run sends nothing and keeps no child state', async () => {
    await store.db.updateTable('person').set({ family_name: 'Lambert' }).where('person_id', '=', ids.childA).execute();
    dfe.posts = [];
    const before = await stateOf(ids.childA);
    const r = await runDfeFeed(store.db, LA, { asOf: '2026-05-06', client: null, batchSize: 100, actor: COMMAND_LINE });
    expect(r.items.map((i) => [i.laChildId, i.kind])).toEqual([['T1', 'partial']]);
    expect(dfe.posts).toHaveLength(0);
    expect(await stateOf(ids.childA)).toEqual(before);
  });
});
