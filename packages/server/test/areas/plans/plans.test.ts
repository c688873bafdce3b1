import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUsers, LA } from '../../helpers/fixture.ts';
import { type Client, type FixtureIds, protectionPlanByApi, signedIn, startFixtureServer, type TestServer } from '../../helpers/server.ts';

// Rosa Quill's protection plan: the outline agreed at the initial conference, made detailed by
// the first core group, with actions for her social worker, a school nurse (a partner agency
// contact), her mum and Rosa herself. Progress at the core group; every version compared.
let server: TestServer, ids: FixtureIds;
let sw: Client, tm: Client, partner: Client;
let childId: string;
let cpPlanId: string;
let planId: string;
const org = randomUUID();
const nurse = randomUUID();

const outline = () => ({
  kind: 'protection',
  planRef: cpPlanId,
  agreedOn: '2026-03-20',
  stage: 'outline',
  outcomes: [
    { text: 'Rosa is collected from school by a sober adult every day', measure: 'School log shows every pick-up, no missed days for 6 weeks' },
    { text: 'Mum stays away from Dean when Rosa is at home', measure: 'No police call-outs to the house' },
  ],
  actions: [
    { what: 'Refer Mum to the community alcohol service', ownerKind: 'worker', ownerWorkerId: ids.swA, dueOn: '2026-03-27' },
    { what: 'Weekly check-in with Rosa at school', ownerKind: 'partner', ownerContactId: nurse, dueOn: '2026-04-03' },
    { what: 'Go to the first alcohol service appointment', ownerKind: 'parent-carer', ownerName: 'Kelly Quill', dueOn: '2026-04-10' },
  ],
  contingency: 'If Rosa is left without a safe adult again, we will ask Nan to look after her and go to our legal team.',
});

beforeAll(async () => {
  ({ server, ids } = await startFixtureServer());
  const db = server.store.db;
  await db.insertInto('partner_organisation').values({ la_code: LA, organisation_id: org, name: 'Riverside Primary School', partner_type: 'school' }).execute();
  await db.insertInto('partner_contact').values({ la_code: LA, contact_id: nurse, organisation_id: org, name: 'Nadia Price' }).execute();
  await addUsers(db, { username: 'school', role: 'partner', displayName: 'School nurse (test)', partnerOrganisationId: org });
  [sw, tm, partner] = await signedIn(server, 'sw', 'tm', 'school');
  childId = (await sw.post('/api/children', { givenName: 'Rosa', familyName: 'Quill', dateOfBirth: '2017-09-02', sex: 'F' })).body.child.childId;
  expect((await tm.post(`/api/children/${childId}/allocations`, { workerId: ids.swA, startDate: '2026-02-02' })).status).toBe(201);
  expect((await sw.post(`/api/children/${childId}/referrals`, { referralDate: '2026-02-02', source: '1A', primaryNeed: 'N1' })).status).toBe(201);
  cpPlanId = await protectionPlanByApi(sw, childId, { strategy: '2026-03-02', conference: '2026-03-20', reasons: 'Rosa left at the school gate at 6pm.' });
});
afterAll(() => server?.close());

describe('a protection plan that is kept', () => {
  it('refuses a plan with no owner, a date before the plan, or another child’s plan; nothing is written', async () => {
    const noOwner = await sw.post(`/api/children/${childId}/plans`, {
      ...outline(),
      actions: [{ what: 'Something', ownerKind: 'parent-carer', dueOn: '2026-04-01' }],
    });
    expect(noOwner.status).toBe(400);
    expect(noOwner.body.errors[0]).toMatchObject({ field: 'actions.0.ownerName', rule: 'owner-required' });
    const early = await sw.post(`/api/children/${childId}/plans`, { ...outline(), actions: [{ ...outline().actions[0], dueOn: '2026-03-01' }] });
    expect(early.status).toBe(400);
    expect(early.body.errors[0]).toMatchObject({ field: 'actions.0.dueOn', rule: 'not-before' });
    const other = await sw.post(`/api/children/${childId}/plans`, { ...outline(), planRef: randomUUID() });
    expect(other.status).toBe(400);
    expect(other.body.errors[0]).toMatchObject({ field: 'planRef', rule: 'plan-of-child' });
    const detailed = await sw.post(`/api/children/${childId}/plans`, { ...outline(), stage: 'detailed' });
    expect(detailed.status).toBe(400);
    expect(detailed.body.errors[0]).toMatchObject({ field: 'stage', rule: 'first-core-group' });
    const noContingency = await sw.post(`/api/children/${childId}/plans`, { ...outline(), contingency: '' });
    expect(noContingency.body.errors[0].field).toBe('contingency');
    const list = (await sw.get(`/api/children/${childId}/plans`)).body;
    expect(list.plans).toEqual([]);
    expect(list.unwritten).toEqual([expect.objectContaining({ kind: 'protection', kindLabel: 'Child protection plan', planRef: cpPlanId })]);
  });

  it('writes the outline plan; each action is a plan-action deadline owed by its owner', async () => {
    const res = await sw.post(`/api/children/${childId}/plans`, outline());
    expect(res.status).toBe(201);
    planId = res.body.planDocumentId;
    expect((await sw.post(`/api/children/${childId}/plans`, outline())).status).toBe(409);
    const cw = (await sw.get(`/api/children/${childId}/casework`)).body;
    const actions = cw.obligations.filter((o: { ruleId: string }) => o.ruleId === 'plan-action');
    expect(actions.map((o: { dueDate: string }) => o.dueDate).sort()).toEqual(['2026-03-27', '2026-04-03', '2026-04-10']);
    // Ava owns hers, the school's and Mum's (the allocated worker holds those of people outside the council).
    const mine = (await sw.get('/api/worklist?view=mine&ruleId=plan-action')).body.obligations.filter((o: { childId: string }) => o.childId === childId);
    expect(mine).toHaveLength(3);
    expect(mine[0]).toMatchObject({ label: 'Action on the child’s plan', responsibleWorker: 'Ava Tester', state: 'overdue' });
    const school = (await partner.get('/api/partner/plan-actions')).body.actions;
    expect(school).toEqual([
      expect.objectContaining({ childName: 'Rosa Quill', what: 'Weekly check-in with Rosa at school', dueOn: '2026-04-03', contact: 'Nadia Price' }),
    ]);
    expect((await partner.get(`/api/children/${childId}/plans`)).status).toBe(404);
  });

  it('a core group records progress on each action, adds one and makes the plan detailed', async () => {
    const plan = (await sw.get(`/api/children/${childId}/plans/${planId}`)).body;
    expect(plan).toMatchObject({ stage: 'outline', version: 1 });
    const [referral, checkIn, appointment] = ['Refer Mum', 'Weekly check-in', 'first alcohol'].map((w) =>
      plan.actions.find((a: { what: string }) => a.what.includes(w)),
    );
    expect(checkIn.owner).toBe('Nadia Price (Riverside Primary School)');
    const cg = await sw.post(`/api/children/${childId}/core-groups`, { heldOn: '2026-04-02' });
    expect(cg.status).toBe(201);
    const coreGroupId = cg.body.coreGroupId;
    const progress = {
      version: 1,
      meetingKind: 'core-group',
      meetingId: coreGroupId,
      heldOn: '2026-04-02',
      progress: [
        { actionId: referral.actionId, progress: 'done', note: 'Referral accepted on 25 March.' },
        { actionId: checkIn.actionId, progress: 'partly', note: '' },
        { actionId: appointment.actionId, progress: 'not-done', note: 'The appointment is on 8 April.' },
      ],
      newActions: [{ what: 'Tell Ms Price if I feel worried at home', ownerKind: 'child', dueOn: '2026-05-01' }],
      makeDetailed: true,
    };
    const noNote = await sw.post(`/api/children/${childId}/plans/${planId}/progress`, progress);
    expect(noNote.status).toBe(400);
    expect(noNote.body.errors).toEqual([expect.objectContaining({ field: 'progress.1.note', rule: 'note-required' })]);
    const wrongDay = await sw.post(`/api/children/${childId}/plans/${planId}/progress`, { ...progress, heldOn: '2026-04-01' });
    expect(wrongDay.body.errors[0]).toMatchObject({ field: 'heldOn', rule: 'meeting-date' });
    expect((await sw.get(`/api/children/${childId}/plans/${planId}`)).body.actions.every((a: { progress: unknown[] }) => a.progress.length === 0)).toBe(true);
    progress.progress[1] = { ...progress.progress[1], note: 'Two check-ins of four; Ms Price was off sick.' } as (typeof progress.progress)[1];
    const ok = await sw.post(`/api/children/${childId}/plans/${planId}/progress`, progress);
    expect(ok.status).toBe(200);
    expect(ok.body.version).toBe(2);
    const after = (await sw.get(`/api/children/${childId}/plans/${planId}`)).body;
    expect(after.stage).toBe('detailed');
    expect(after.actions.find((a: { actionId: string }) => a.actionId === referral.actionId)).toMatchObject({ completedOn: '2026-04-02', state: 'done-late' });
    expect(after.actions.find((a: { actionId: string }) => a.actionId === checkIn.actionId).progress).toEqual([
      expect.objectContaining({ progress: 'partly', note: 'Two check-ins of four; Ms Price was off sick.' }),
    ]);
    expect(after.actions.find((a: { ownerKind: string }) => a.ownerKind === 'child')).toMatchObject({ owner: 'Rosa', dueOn: '2026-05-01' });
    const cw = (await sw.get(`/api/children/${childId}/casework`)).body;
    expect(cw.obligations.find((o: { ruleId: string; dueDate: string }) => o.ruleId === 'plan-action' && o.dueDate === '2026-03-27')).toMatchObject({
      metOn: '2026-04-02',
      state: 'met-late',
    });
    const again = await sw.post(`/api/children/${childId}/plans/${planId}/progress`, { ...progress, version: 2, newActions: [], makeDetailed: false });
    expect(again.body.errors[0]).toMatchObject({ field: 'progress.0.progress', rule: 'action-done' });
  });

  it('keeps every version and compares any two: what changed, in words', async () => {
    const plan = (await sw.get(`/api/children/${childId}/plans/${planId}`)).body;
    const keep = plan.actions.filter((a: { what: string }) => !a.what.includes('first alcohol'));
    const changed = await sw.put(`/api/children/${childId}/plans/${planId}`, {
      ...outline(),
      version: 2,
      stage: 'detailed',
      agreedOn: '2026-04-02',
      outcomes: [...plan.outcomes.slice(0, 1), { ...plan.outcomes[1], measure: 'No police call-outs, and Dean’s bail conditions kept' }],
      actions: keep.map((a: Record<string, unknown>) => ({
        actionId: a.actionId,
        what: a.what,
        ownerKind: a.ownerKind,
        ownerWorkerId: a.ownerWorkerId,
        ownerContactId: a.ownerContactId,
        ownerName: a.ownerName,
        dueOn: a.what === 'Weekly check-in with Rosa at school' ? '2026-05-29' : a.dueOn,
      })),
    });
    expect(changed.status).toBe(200);
    expect(changed.body.version).toBe(3);
    expect((await sw.put(`/api/children/${childId}/plans/${planId}`, { ...outline(), version: 2, stage: 'detailed' })).status).toBe(409);
    const v1 = (await sw.get(`/api/children/${childId}/plans/${planId}/versions/1`)).body;
    expect(v1.actions.map((a: { what: string }) => a.what)).toHaveLength(3);
    expect(v1.actions.every((a: { completedOn: string | null }) => a.completedOn === null)).toBe(true);
    const compared = (await sw.get(`/api/children/${childId}/plans/${planId}/compare?from=1&to=3`)).body;
    const whats = compared.changes.map((c: { what: string }) => c.what);
    expect(whats).toEqual(expect.arrayContaining(['Stage', 'Outcome changed', 'Action added', 'Action changed', 'Action done', 'Action taken off']));
    expect(compared.changes.find((c: { what: string }) => c.what === 'Action taken off').from).toContain('Go to the first alcohol service appointment');
    const cw = (await sw.get(`/api/children/${childId}/casework`)).body;
    expect(cw.obligations.find((o: { ruleId: string; dueDate: string }) => o.ruleId === 'plan-action' && o.dueDate === '2026-04-10')).toMatchObject({
      state: 'ended',
    });
    expect((await sw.get(`/api/children/${childId}/plans/${planId}/versions/9`)).status).toBe(400);
  });

  it('prints for the family in plain English: names, what will happen and when', async () => {
    const printed = (await sw.get(`/api/children/${childId}/plans/${planId}/for-family`)).body;
    expect(printed).toMatchObject({ title: 'Our plan to keep you safe', childName: 'Rosa Quill', socialWorker: 'Ava Tester' });
    const text = JSON.stringify({ ...printed, agreedOn: undefined, outcomes: printed.outcomes.map((o: object) => ({ ...o, actions: [] })) });
    expect(text).not.toMatch(/\b[A-Z]{1,3}\d\b/);
    expect(printed.otherActions.map((a: { who: string }) => a.who)).toEqual(
      expect.arrayContaining(['Ava Tester', 'Nadia Price (Riverside Primary School)', 'Rosa']),
    );
  });

  it('every word typed on the plan is found from the chronology', async () => {
    for (const words of ['sober adult', 'bail conditions', 'legal team', 'Ms Price was off sick', 'feel worried at home']) {
      const found = (await sw.get(`/api/children/${childId}/chronology?q=${encodeURIComponent(words)}`)).body.entries;
      expect(found.length, words).toBeGreaterThan(0);
    }
  });
});
