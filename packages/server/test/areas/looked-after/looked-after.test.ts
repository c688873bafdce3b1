import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LA, PLACEMENT, registeredChildrensHome } from '../../helpers/fixture.ts';
import { type Client, type FixtureIds, signedIn, startFixtureServer, type TestServer } from '../../helpers/server.ts';

// Poppy (born 12 March 2015, held by swA, IRO Ira) comes into care on Thursday 26 March 2026,
// the week before Easter; moves to an unregistered children's home, then to long-term foster
// care; goes missing three times in June; and ceases to be looked after on 1 October 2026.
// Every due date below is worked by hand.
let server: TestServer, ids: FixtureIds;
let sw: Client, tm: Client, hos: Client, iro: Client;
let registeredHome: string;
let unregisteredHome: string;

beforeAll(async () => {
  ({ server, ids } = await startFixtureServer());
  [sw, tm, hos, iro] = await signedIn(server, 'sw', 'tm', 'hos', 'iro');
});
afterAll(() => server?.close());

const current = async () => {
  const { episodeId, version } = (await record()).current;
  return { episodeId, version };
};
const record = async () => (await sw.get(`/api/children/${ids.childA}/looked-after`)).body;
/** The child's deadlines straight from the engine's table (met ones age off the child's page after 90 days). */
const deadlines = async (ruleId: string) =>
  server.store.db
    .selectFrom('obligation')
    .select(['start_date', 'due_date', 'due_at', 'met_on', 'ended_on', 'end_reason', 'responsible_worker_id'])
    .where('la_code', '=', LA)
    .where('child_id', '=', ids.childA)
    .where('rule_id', '=', ruleId)
    .orderBy('start_date')
    .execute();

describe('the providers register', () => {
  it('a team manager adds providers; a social worker may not; a stale edit gets 409', async () => {
    const home = registeredChildrensHome('Oakfield House', 'SC123456');
    expect((await sw.post('/api/providers', home)).status).toBe(403);
    const added = await tm.post('/api/providers', home);
    expect(added.status).toBe(201);
    registeredHome = added.body.providerId;
    expect((await tm.post('/api/providers', { ...home, name: 'Copy' })).body.errors).toEqual([expect.objectContaining({ field: 'urn', rule: 'unique' })]);
    const unreg = await tm.post('/api/providers', {
      name: 'Elm Lodge',
      providerKind: 'childrens-home',
      placeProvider: 'PR4',
      registrationStatus: 'unregistered',
      postcode: 'HR6 8QQ',
    });
    expect(unreg.status).toBe(201);
    unregisteredHome = unreg.body.providerId;
    const edited = await tm.patch(`/api/providers/${unregisteredHome}`, { version: 1, name: 'Elm Lodge (unregistered)' });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ name: 'Elm Lodge (unregistered)', version: 2 });
    expect((await tm.patch(`/api/providers/${unregisteredHome}`, { version: 1, name: 'Lost' })).status).toBe(409);
    const list = await sw.get('/api/providers');
    expect(list.body.providers.map((p: { name: string }) => p.name)).toEqual(['Elm Lodge (unregistered)', 'Oakfield House']);
  });
});

describe('a period of care, the SSDA903 way', () => {
  it('refuses a placement that breaks the 903 rules, naming each field', async () => {
    const res = await sw.post(`/api/children/${ids.childA}/looked-after`, {
      startDate: '2026-03-26',
      ...PLACEMENT,
      legalStatus: 'C1',
      placementType: 'T1',
      placementPostcode: 'HR1 2AB',
    });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { field: string; rule: string }) => `${e.field} ${e.rule}`).sort()).toEqual([
      'placementPostcode 903-392d',
      'placementProvider 903-178',
      'urn 903-222',
    ]);
    const future = await sw.post(`/api/children/${ids.childA}/looked-after`, {
      startDate: '2099-01-01',
      ...PLACEMENT,
      legalStatus: 'C1',
    });
    expect(future.body.errors).toEqual([expect.objectContaining({ field: 'startDate', rule: 'not-in-future' })]);
    // Rule 221: a children's home placement is at the home's own setting postcode.
    const elsewhere = await sw.post(`/api/children/${ids.childA}/looked-after`, {
      startDate: '2026-03-26',
      legalStatus: 'C1',
      categoryOfNeed: 'N1',
      placementType: 'K2',
      providerId: registeredHome,
      placementPostcode: 'HR2 7AA',
      homePostcode: 'HR1 2AB',
    });
    expect(elsewhere.body.errors).toEqual([expect.objectContaining({ field: 'placementPostcode', rule: '903-221' })]);
  });

  it('Poppy becomes looked after on Thursday 26 March 2026: first review due 27 April (20 working days over Easter), first visit 2 April', async () => {
    const res = await sw.post(`/api/children/${ids.childA}/looked-after`, {
      startDate: '2026-03-26',
      ...PLACEMENT,
      legalStatus: 'C1',
    });
    expect(res.status).toBe(201);
    // 27, 30, 31 Mar, 1, 2 Apr (1–5); Good Friday 3 and Easter Monday 6 April are holidays;
    // 7–10 (6–9), 13–17 (10–14), 20–24 (15–19), Mon 27 April (20).
    expect(await deadlines('cla-review-first')).toMatchObject([{ start_date: '2026-03-26', due_date: '2026-04-27', met_on: null }]);
    expect(await deadlines('cla-visit-first')).toMatchObject([{ start_date: '2026-03-26', due_date: '2026-04-02' }]);
    // The IRO already allocated when the period began: the IRO service knew that day.
    expect(await deadlines('iro-notify')).toMatchObject([{ due_date: '2026-03-30', met_on: '2026-03-26' }]);
    // The review is the IRO's to act on: it is on the IRO's worklist.
    const worklist = await iro.get('/api/worklist?view=mine');
    expect(worklist.body.obligations.map((o: { ruleId: string }) => o.ruleId)).toEqual(expect.arrayContaining(['cla-review-first', 'iro-contact']));
    expect(
      (
        await sw.post(`/api/children/${ids.childA}/looked-after`, {
          ...{
            startDate: '2026-03-27',
            ...PLACEMENT,
            legalStatus: 'C1',
          },
        })
      ).status,
    ).toBe(409);
  });

  it('a visit on 1 April meets the first; the next is due 6 weeks later, 13 May', async () => {
    const res = await sw.post(`/api/children/${ids.childA}/looked-after/visits`, {
      visitedOn: '2026-04-01',
      faceToFace: true,
      childSeen: true,
      seenAlone: true,
      location: 'Foster home',
      childWords: 'I like my room but I miss my cat.',
    });
    expect(res.status).toBe(201);
    expect(await deadlines('cla-visit-first')).toMatchObject([{ met_on: '2026-04-01' }]);
    expect(await deadlines('cla-visit')).toMatchObject([{ start_date: '2026-04-01', due_date: '2026-05-13', met_on: null }]);
  });

  it('a change of legal status only (RNE L) keeps the placement; a stale version gets 409', async () => {
    const { version, episodeId } = (await record()).current;
    const res = await sw.post(`/api/children/${ids.childA}/looked-after/changes`, { episodeId, version, date: '2026-04-10', legalStatus: 'C2' });
    expect(res.status).toBe(201);
    expect(res.body.reasonNewEpisode).toBe('L');
    expect((await sw.post(`/api/children/${ids.childA}/looked-after/changes`, { episodeId, version, date: '2026-04-11', legalStatus: 'C1' })).status).toBe(409);
    const same = await sw.post(`/api/children/${ids.childA}/looked-after/changes`, { ...(await current()), date: '2026-04-11', legalStatus: 'C2' });
    expect(same.body.errors).toEqual([expect.objectContaining({ field: 'legalStatus', rule: 'change-required' })]);
    const early = await sw.post(`/api/children/${ids.childA}/looked-after/changes`, { ...(await current()), date: '2026-04-09', legalStatus: 'E1' });
    expect(early.body.errors).toEqual([expect.objectContaining({ field: 'date', rule: 'not-before' })]);
  });

  it('the IRO records the first review on 20 April: second due 20 July; the IRO saw Poppy first on 15 April', async () => {
    // The permanence plan is due by the second review: before the first, three months after the first's own deadline.
    expect(await deadlines('permanence-plan')).toMatchObject([{ start_date: '2026-03-26', due_date: '2026-07-27', met_on: null }]);
    const res = await iro.post(`/api/children/${ids.childA}/looked-after/reviews`, {
      heldOn: '2026-04-20',
      participation: 'PN1',
      childWords: 'I want to see my mum more.',
      iroContactOn: '2026-04-15',
    });
    expect(res.status).toBe(201);
    expect(await deadlines('cla-review-first')).toMatchObject([{ met_on: '2026-04-20' }]);
    expect(await deadlines('cla-review-second')).toMatchObject([
      { start_date: '2026-04-20', due_date: '2026-07-20', met_on: null, responsible_worker_id: ids.iro },
    ]);
    expect(await deadlines('permanence-plan')).toMatchObject([{ due_date: '2026-07-20', met_on: null }]);
    // Contact before the first review: due by the review (held 20 April, before its 27 April deadline).
    const contact = await deadlines('iro-contact');
    expect(contact).toMatchObject([
      { start_date: '2026-03-26', due_date: '2026-04-20', met_on: '2026-04-15' },
      { start_date: '2026-04-20', due_date: '2026-07-20', met_on: null },
    ]);
  });

  it('a placement with an unregistered children’s home is refused without the director’s approval, then allowed', async () => {
    const { version, episodeId } = (await record()).current;
    const move = {
      episodeId,
      version,
      date: '2026-05-05',
      placement: { placementType: 'K2', providerId: unregisteredHome, placementPostcode: 'HR6 8QQ' },
      reasonPlaceChange: 'CARPL',
    };
    const refused = await sw.post(`/api/children/${ids.childA}/looked-after/changes`, move);
    expect(refused.status).toBe(422);
    expect(refused.body.errors).toEqual([expect.objectContaining({ field: 'placement.providerId', rule: 'director-approval-required' })]);
    expect(refused.body.unregisteredReason).toBe('unregistered-childrens-home');
    const approval = {
      providerId: unregisteredHome,
      placementType: 'K2',
      approvedOn: '2026-05-05',
      reasons: 'No registered home can meet her needs today; daily checks.',
    };
    expect((await sw.post(`/api/children/${ids.childA}/unregistered-approvals`, approval)).status).toBe(403);
    expect((await tm.post(`/api/children/${ids.childA}/unregistered-approvals`, approval)).status).toBe(403);
    expect((await hos.post(`/api/children/${ids.childA}/unregistered-approvals`, approval)).status).toBe(201);
    const moved = await sw.post(`/api/children/${ids.childA}/looked-after/changes`, move);
    expect(moved.status).toBe(201);
    expect(moved.body.reasonNewEpisode).toBe('P');
    const r = await record();
    expect(r.current.unregisteredApproval).toMatchObject({ approvedBy: 'hos (test)', reasons: approval.reasons });
    // Visits every 7 days (policy) alongside reg. 28's week; the old placement's clock ends.
    expect(await deadlines('unregistered-visit')).toMatchObject([{ start_date: '2026-05-05', due_date: '2026-05-12', met_on: null }]);
    expect(await deadlines('cla-visit')).toMatchObject([{ start_date: '2026-04-01', ended_on: '2026-05-05', end_reason: 'Placement ended' }]);
    const live = await hos.get('/api/looked-after/unregistered-placements');
    expect(live.body.placements).toMatchObject([
      { childName: 'Poppy Lambert', providerName: 'Elm Lodge (unregistered)', placedOn: '2026-05-05', approvedBy: 'hos (test)' },
    ]);
    expect((await sw.get('/api/looked-after/unregistered-placements')).status).toBe(403);
  });

  it('a council sets unregistered visits every 5 days; the visit on 8 May meets both clocks', async () => {
    expect((await hos.put('/api/settings/timescales/unregistered-visit', { unit: 'days', n: 5 })).status).toBe(200);
    expect(await deadlines('unregistered-visit')).toMatchObject([{ due_date: '2026-05-10' }]);
    await sw.post(`/api/children/${ids.childA}/looked-after/visits`, {
      visitedOn: '2026-05-08',
      faceToFace: true,
      childSeen: true,
      childWords: 'It is noisy here.',
    });
    expect(await deadlines('unregistered-visit')).toMatchObject([{ met_on: '2026-05-08' }, { start_date: '2026-05-08', due_date: '2026-05-13' }]);
    const firsts = await deadlines('cla-visit-first');
    expect(firsts[1]).toMatchObject({ start_date: '2026-05-05', due_date: '2026-05-12', met_on: '2026-05-08' });
  });

  it('moving to long-term foster care (RNE P) takes Poppy off the director’s list', async () => {
    const { version, episodeId } = (await record()).current;
    const res = await sw.post(`/api/children/${ids.childA}/looked-after/changes`, {
      episodeId,
      version,
      date: '2026-06-01',
      placement: { placementType: 'U4', placementProvider: 'PR4', urn: 'SC777777', placementPostcode: 'HR3 5DD', intendedUntil18: true },
      reasonPlaceChange: 'STAND',
    });
    expect(res.status).toBe(201);
    expect((await hos.get('/api/looked-after/unregistered-placements')).body.placements).toEqual([]);
    expect((await deadlines('unregistered-visit')).at(-1)).toMatchObject({ ended_on: '2026-06-01' });
  });
});

describe('missing episodes and return home interviews', () => {
  const missing = async (startedAt: string, endedAt: string) =>
    (await sw.post(`/api/children/${ids.childA}/missing-episodes`, { kind: 'M', startedAt, endedAt })).body.missingId;

  it('returned Friday 5 June at 18:00: the interview is due Monday 8 June at 18:00, and one offered at 17:30 is in time', async () => {
    const id = await missing('2026-06-05T10:00:00+01:00', '2026-06-05T18:00:00+01:00');
    expect(await deadlines('rhi')).toMatchObject([{ start_date: '2026-06-05', due_date: '2026-06-08' }]);
    const [rhi] = await deadlines('rhi');
    expect(rhi?.due_at?.toISOString()).toBe('2026-06-08T17:00:00.000Z');
    const res = await sw.patch(`/api/children/${ids.childA}/missing-episodes/${id}`, {
      version: 1,
      rhiOfferedAt: '2026-06-08T17:30:00+01:00',
      rhiAccepted: true,
      rhiLearned: 'She went to see an older friend; no exploitation concerns found.',
    });
    expect(res.status).toBe(200);
    expect((await sw.patch(`/api/children/${ids.childA}/missing-episodes/${id}`, { version: 1, rhiAccepted: false })).status).toBe(409);
    expect((await record()).missing[0]).toMatchObject({ rhiState: 'offered-in-time', rhiAccepted: true, repeat: false });
  });

  it('the second, returned Friday 12 June 18:00 and offered Tuesday 16 June, is late; the third, not offered, is overdue and a repeat', async () => {
    const second = await missing('2026-06-12T09:00:00+01:00', '2026-06-12T18:00:00+01:00');
    await sw.patch(`/api/children/${ids.childA}/missing-episodes/${second}`, { version: 1, rhiOfferedAt: '2026-06-16T10:00:00+01:00', rhiAccepted: false });
    await missing('2026-06-20T21:00:00+01:00', '2026-06-21T08:00:00+01:00');
    const r = await record();
    expect(r.missing.map((m: { rhiState: string; repeat: boolean }) => [m.rhiState, m.repeat])).toEqual([
      ['overdue', true],
      ['offered-late', false],
      ['offered-in-time', false],
    ]);
    expect((await deadlines('rhi')).map((o) => [o.due_date, o.met_on])).toEqual([
      ['2026-06-08', '2026-06-08'],
      ['2026-06-15', '2026-06-16'],
      ['2026-06-24', null],
    ]);
    const list = await tm.get('/api/looked-after/missing?days=366');
    expect(list.body.rhiNotInTime.map((m: { rhiState: string }) => m.rhiState)).toEqual(['overdue', 'offered-late']);
  });

  it('a child missing now, for the third time in 90 days, is flagged to their team manager', async () => {
    const day = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString();
    for (const [from, to] of [
      [day(60), day(59)],
      [day(20), day(19)],
    ])
      await sw.post(`/api/children/${ids.childUnallocated}/missing-episodes`, { kind: 'A', startedAt: from, endedAt: to });
    await sw.post(`/api/children/${ids.childUnallocated}/missing-episodes`, { kind: 'M', startedAt: day(1) });
    const list = await hos.get('/api/looked-after/missing');
    expect(list.body.missingNow.map((m: { childName: string }) => m.childName)).toEqual(['Mia Goodwin']);
    expect(list.body.repeatFlags).toMatchObject([{ childName: 'Mia Goodwin', episodes: 3 }]);
    expect((await sw.post(`/api/children/${ids.childUnallocated}/missing-episodes`, { kind: 'M', startedAt: day(0.5) })).status).toBe(409);
    expect((await sw.get('/api/looked-after/missing')).status).toBe(403);
  });
});

describe('later reviews and the end of care', () => {
  it('the second review on 31 August is late; the next is due 28 February 2027 (six months from a 31st)', async () => {
    const res = await iro.post(`/api/children/${ids.childA}/looked-after/reviews`, { heldOn: '2026-08-31', participation: 'PN5', iroContactOn: '2026-08-25' });
    expect(res.status).toBe(201);
    expect(await deadlines('cla-review-second')).toMatchObject([{ due_date: '2026-07-20', met_on: '2026-08-31' }]);
    expect(await deadlines('cla-review')).toMatchObject([{ start_date: '2026-08-31', due_date: '2027-02-28', met_on: null }]);
    expect((await deadlines('iro-contact'))[1]).toMatchObject({ due_date: '2026-07-20', met_on: '2026-08-25' });
    // Still no permanence plan at the (late) second review: agreed on 1 September, after the 20 July deadline.
    expect(await deadlines('permanence-plan')).toMatchObject([{ due_date: '2026-07-20', met_on: null }]);
    expect((await sw.post(`/api/children/${ids.childA}/permanence-plans`, { planType: 'return-home', agreedOn: '2026-09-01' })).status).toBe(201);
    expect(await deadlines('permanence-plan')).toMatchObject([{ due_date: '2026-07-20', met_on: '2026-09-01' }]);
  });

  it('ceasing on 1 October ends the open deadlines, and the history reconstructs exactly', async () => {
    const { version, episodeId } = (await record()).current;
    expect((await sw.post(`/api/children/${ids.childA}/looked-after/cease`, { episodeId, version, endDate: '2026-10-01', reasonEnded: 'E4A' })).status).toBe(
      200,
    );
    expect(await deadlines('cla-review')).toMatchObject([{ ended_on: '2026-10-01', end_reason: 'Ceased to be looked after' }]);
    const r = await record();
    expect(r.lookedAfter).toBe(false);
    expect(
      r.episodes.map((e: Record<string, unknown>) => [
        e.startDate,
        e.endDate,
        e.reasonNewEpisode,
        e.legalStatus,
        e.placementType,
        e.reasonEnded,
        e.reasonPlaceChange,
      ]),
    ).toEqual([
      ['2026-03-26', '2026-04-10', 'S', 'C1', 'U6', 'X1', null],
      ['2026-04-10', '2026-05-05', 'L', 'C2', 'U6', 'X1', 'CARPL'],
      ['2026-05-05', '2026-06-01', 'P', 'C2', 'K2', 'X1', 'STAND'],
      ['2026-06-01', '2026-10-01', 'P', 'C2', 'U4', 'E4A', null],
    ]);
    const [period] = r.history.periods;
    expect(period).toMatchObject({ startDate: '2026-03-26', endDate: '2026-10-01', reasonEnded: 'E4A' });
    expect(period.placements.map((p: Record<string, unknown>) => [p.placementType, p.startDate, p.endDate, p.reasonChanged])).toEqual([
      ['U6', '2026-03-26', '2026-05-05', 'CARPL'],
      ['K2', '2026-05-05', '2026-06-01', 'STAND'],
      ['U4', '2026-06-01', '2026-10-01', null],
    ]);
    expect(period.legalStatuses.map((s: Record<string, unknown>) => [s.legalStatus, s.startDate, s.endDate])).toEqual([
      ['C1', '2026-03-26', '2026-04-10'],
      ['C2', '2026-04-10', '2026-10-01'],
    ]);
    const view = await server.store.db.selectFrom('care_period').selectAll().where('child_id', '=', ids.childA).execute();
    expect(view).toMatchObject([{ start_date: '2026-03-26', end_date: '2026-10-01', reason_ended: 'E4A', episodes: 4 }]);
  });
});
