import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refreshObligations } from '../../../src/kernel/obligations.ts';
import { FIXTURE_PASSWORD, LA } from '../../helpers/fixture.ts';
import { client, type Client, type FixtureIds, signedIn, signInAs, startFixtureServer, type TestServer } from '../../helpers/server.ts';
import { populationBuilders } from './hand-worked-population/builders.ts';
import { writeHandWorkedPopulation } from './hand-worked-population/population.ts';

// A small population worked by hand (written by hand-worked-population/), in eras that do not touch one another:
//  A  March 2023 – February 2024: referrals and re-referrals, children looked after (29 February)
//  B  April 2025 – March 2026: assessments and conferences across Christmas, protection plans
//  C  December 2025 – January 2026: contacts decided across Christmas
//  D  January 2027: caseloads, changes of social worker, unallocated cases
//  E  April 2027 – March 2028: obligations met or not (visits, reviews, pathway plans, supervision)
//  F  April 2028 – March 2029: missing episodes and return interviews; care leavers' birthdays
//  G  April 2029 – March 2030: unaccompanied children accommodated; adoptions
//  H  April 2030 – March 2031: second looked-after reviews and permanence plans
//  I  snapshot 31 March 2032 (12 months from 1 April 2031): placements with unregistered providers
//  J  April 2032 – March 2033: case audits and their grades
//  K  snapshot 31 March 2034: health assessments of children looked after 12 months or more
//  L  snapshot 29 February 2040 (12 months from 1 March 2039): turnover, agency and vacancies;
//     management oversight; long-term placement stability
let server: TestServer, ids: FixtureIds;
let hos: Client, tm: Client, admin: Client, analyst: Client;
const builders = populationBuilders(() => server.store.db);
const { named, child, episode } = builders;

beforeAll(async () => {
  ({ server, ids } = await startFixtureServer());
  await writeHandWorkedPopulation({ ...builders, db: server.store.db, ids });
  [hos, tm, admin, analyst] = await signedIn(server, 'hos', 'tm', 'admin', 'analyst');
});
afterAll(() => server?.close());

const kpi = async (id: string, query: string, who = hos) => {
  const res = await who.get(`/api/kpi/${id}?${query}&trendMonths=1`);
  expect(res.status).toBe(200);
  return res.body.result;
};
const counts = (r: { numerator: number | null; denominator: number | null; value: number | null }) => [r.numerator, r.denominator, r.value];
/** A test that the indicator's numerator, denominator and value are `expected`. */
const countsAre = (id: string, query: string, expected: (number | null)[]) => async () => expect(counts(await kpi(id, query))).toEqual(expected);

describe('front door and assessment', () => {
  it('counts referrals in the 12 months ending 29 February 2024 from 1 March 2023, and per 10,000', async () => {
    const r = await kpi('referrals', 'asOf=2024-02-29');
    expect(r.period).toEqual({ from: '2023-03-01', to: '2024-02-29' });
    expect(r.numerator).toBe(3);
    expect(r.per10k).toBe(1.5);
  });

  it('a re-referral looks back 12 calendar months: from 29 February 2024 to 28 February 2023, not 27', async () => {
    expect(counts(await kpi('re-referrals-12m', 'asOf=2024-02-29'))).toEqual([1, 3, 33.3]);
    const behind = await hos.get('/api/kpi/re-referrals-12m/children?asOf=2024-02-29&only=numerator');
    expect(behind.body.children.map((c: { name: string; onDate: string }) => [c.name, c.onDate])).toEqual([['Reuben Test', '2024-02-29']]);
  });

  it('referrals ending in no further action', countsAre('referrals-nfa', 'asOf=2024-02-29', [1, 3, 33.3]));

  it('assessments within 45 working days of the referral, across Christmas 2025', countsAre('assessments-45wd', 'asOf=2026-03-31', [1, 3, 33.3]));

  it('assessments within 45 working days of their own start (the DfE measure): exactly 45 counts', async () => {
    expect(counts(await kpi('assessments-45d-from-start', 'asOf=2026-03-31'))).toEqual([2, 3, 66.7]);
    const late = await hos.get('/api/kpi/assessments-45d-from-start/children?asOf=2026-03-31&only=not-numerator');
    expect(late.body.children.map((c: { name: string }) => c.name)).toEqual(['Cal Test']);
  });

  it('contacts decided within a working day across Christmas: Christmas Eve and Saturday 27 December are due on 29 December', async () => {
    expect((await kpi('contacts', 'asOf=2026-01-10&months=1')).numerator).toBe(5);
    expect(counts(await kpi('contact-decisions-1wd', 'asOf=2026-01-10&months=1'))).toEqual([2, 4, 50]);
  });
});

describe('child protection', () => {
  it('section 47 enquiries started, and per 10,000', async () => {
    const r = await kpi('s47-enquiries', 'asOf=2026-03-31');
    expect([r.numerator, r.per10k]).toEqual([3, 1.5]);
  });

  it('initial conferences within 15 working days of the last strategy discussion, across Christmas', async () => {
    expect(counts(await kpi('icpc-15wd', 'asOf=2026-03-31'))).toEqual([2, 3, 66.7]);
    const late = await hos.get('/api/kpi/icpc-15wd/children?asOf=2026-03-31&only=not-numerator');
    expect(late.body.children.map((c: { name: string; onDate: string }) => [c.name, c.onDate])).toEqual([['Ian Test', '2026-02-24']]);
  });

  it('children on a plan on 31 March 2026: a plan ending that day does not count', async () => {
    const r = await kpi('cp-rate', 'asOf=2026-03-31');
    expect([r.numerator, r.denominator, r.value]).toEqual([3, 20000, 1.5]);
  });

  it('second or later plans, and repeats within 2 years', async () => {
    // Started in the year: Ivy (earlier plan ended June 2024), Isla (earlier plan ended 2023), Ian, Pip.
    expect(counts(await kpi('cp-repeat', 'asOf=2026-03-31'))).toEqual([2, 4, 50]);
    expect(counts(await kpi('cp-repeat-2y', 'asOf=2026-03-31'))).toEqual([1, 4, 25]);
  });

  // Ended in the year: Pia (2 years), Pat (a day short), Pam (29 Feb 2024 – 28 Feb 2026), Pip (6 months).
  it(
    'plans lasting 2 years or more: exactly 2 years counts, and from 29 February to 28 February two years on',
    countsAre('cp-lasting-2y', 'asOf=2026-03-31', [2, 4, 50]),
  );

  // In the year: Pam's second (30 May 2025, due 29 Nov 2024: late), Pam's third (29 Nov 2025, due 30 Nov 2025), Pip's first (1 Jan 2026, due 1 Jan 2026).
  it(
    'review conferences in time: 3 months from the plan, then 6 months from the last review',
    countsAre('cp-reviews-in-time', 'asOf=2026-03-31', [2, 3, 66.7]),
  );
});

describe('children looked after, snapshot 29 February 2024', () => {
  it('counts children looked after per 10,000, leaving out one who ceased that day and short breaks', async () => {
    const r = await kpi('cla-rate', 'asOf=2024-02-29');
    expect([r.numerator, r.value]).toEqual([2, 1]);
  });

  it('three or more placements in the 12 months from 1 March 2023: a placement left on 1 March does not count', async () => {
    expect(counts(await kpi('cla-3-placements', 'asOf=2024-02-29'))).toEqual([1, 2, 50]);
    const behind = await hos.get('/api/kpi/cla-3-placements/children?asOf=2024-02-29&only=numerator');
    expect(behind.body.children.map((c: { name: string; days: number }) => [c.name, c.days])).toEqual([['Lily Test', 3]]);
  });
});

describe('workforce, snapshot 31 January 2027', () => {
  it('average caseload: 4 children over 1.5 FTE, and per team', async () => {
    expect(counts(await kpi('caseload-average', 'asOf=2027-01-31'))).toEqual([4, 1.5, 2.7]);
    const teams = await hos.get('/api/kpi/caseload-average/teams?asOf=2027-01-31');
    expect(teams.status).toBe(200);
    const byName = Object.fromEntries(teams.body.groups.map((g: { name: string; value: number }) => [g.name, g.value]));
    expect(byName).toMatchObject({ 'Children in need 1': 1, 'Children in need 2': 6 });
  });

  it('children who had 3 or more social workers in the 12 months', countsAre('children-3plus-workers', 'asOf=2027-01-31', [1, 5, 20]));

  it('unallocated cases, with their age in days', async () => {
    const r = await kpi('unallocated-cases', 'asOf=2027-01-31');
    expect([r.numerator, r.medianDays, r.maxDays]).toEqual([2, 75.5, 90]);
  });

  it('a team manager sees their team’s figures and workers, not the council’s or another team’s', async () => {
    const mine = await tm.get(`/api/kpi/caseload-average?asOf=2027-01-31&scope=team&scopeId=${ids.teamA}&trendMonths=1`);
    expect(mine.status).toBe(200);
    expect(counts(mine.body.result)).toEqual([1, 1, 1]);
    expect((await tm.get(`/api/kpi/caseload-average?asOf=2027-01-31&scope=worker&scopeId=${ids.swA}&trendMonths=1`)).status).toBe(200);
    expect((await tm.get('/api/kpi/caseload-average?asOf=2027-01-31&scope=council')).status).toBe(403);
    expect((await tm.get(`/api/kpi/caseload-average?asOf=2027-01-31&scope=team&scopeId=${ids.teamB}`)).status).toBe(403);
    expect((await tm.get(`/api/kpi/caseload-average?asOf=2027-01-31&scope=worker&scopeId=${ids.swB}`)).status).toBe(403);
  });

  it('a unit belongs to the worker holding the child: unallocated cases to the team that last held them', async () => {
    const teamA = await kpi('unallocated-cases', `asOf=2027-01-31&scope=team&scopeId=${ids.teamA}`);
    expect(teamA.numerator).toBe(1);
    const swB = await kpi('children-3plus-workers', `asOf=2027-01-31&scope=worker&scopeId=${ids.swB}`);
    expect(counts(swB)).toEqual([1, 2, 50]);
  });
});

describe('obligations met in time, 12 months ending 31 March 2028', () => {
  it('looked-after visits: met on the due date counts; ended before due, due on the as-of date, or before the period, do not', async () => {
    expect(counts(await kpi('cla-visits-in-time', 'asOf=2028-03-31'))).toEqual([1, 3, 33.3]);
    const late = await hos.get('/api/kpi/cla-visits-in-time/children?asOf=2028-03-31&only=not-numerator');
    expect(late.body.children.map((c: { name: string; onDate: string }) => [c.name, c.onDate])).toEqual([
      ['Ella Test', '2027-05-13'],
      ['Ella Test', '2027-08-13'],
    ]);
  });

  it('looked-after reviews: first, second and later', countsAre('cla-reviews-in-time', 'asOf=2028-03-31', [2, 3, 66.7]));

  it('pathway plans: one met only after the as-of date is late on it', async () => {
    expect(counts(await kpi('pathway-plans-in-time', 'asOf=2028-03-31'))).toEqual([1, 2, 50]);
    expect(counts(await kpi('pathway-plans-in-time', 'asOf=2027-09-30'))).toEqual([1, 1, 100]);
  });

  it('supervision belongs to the supervisee and their team; induction is not supervision', async () => {
    expect(counts(await kpi('supervision-in-time', 'asOf=2028-03-31'))).toEqual([1, 3, 33.3]);
    expect(counts(await kpi('supervision-in-time', `asOf=2028-03-31&scope=team&scopeId=${ids.teamA}`))).toEqual([1, 1, 100]);
    expect(counts(await kpi('supervision-in-time', `asOf=2028-03-31&scope=worker&scopeId=${ids.swB}`))).toEqual([0, 2, 0]);
  });
});

describe('missing children and care leavers, 12 months ending 31 March 2029', () => {
  it('looked-after children who went missing, by England’s day, with their episodes; not away-from-placement, not children not looked after', async () => {
    const r = await kpi('missing-children', 'asOf=2029-03-31');
    expect([r.numerator, r.medianDays, r.maxDays]).toEqual([2, 1.5, 2]);
    const behind = await hos.get('/api/kpi/missing-children/children?asOf=2029-03-31');
    expect(behind.body.children.map((c: { name: string; onDate: string; days: number }) => [c.name, c.onDate, c.days]).sort()).toEqual([
      ['Mae Test', '2028-05-01', 2],
      ['Max Test', '2028-04-01', 1],
    ]);
  });

  it('return interviews offered within 72 hours: 71 hours in time, 73 late, never offered late; an episode still within its 72 hours waits', async () => {
    expect(counts(await kpi('rhi-offered-72h', 'asOf=2029-03-31'))).toEqual([1, 3, 33.3]);
    // Moe returned at noon on 30 March: his 72 hours run out at noon on 2 April.
    expect(counts(await kpi('rhi-offered-72h', 'asOf=2029-04-01&months=1'))).toEqual([0, 0, null]);
    expect(counts(await kpi('rhi-offered-72h', 'asOf=2029-04-02&months=1'))).toEqual([0, 1, 0]);
  });

  it('care leavers at their 17th to 21st birthdays: in touch, suitable accommodation, education employment or training', async () => {
    expect(counts(await kpi('care-leavers-in-touch', 'asOf=2029-03-31'))).toEqual([2, 3, 66.7]);
    expect(counts(await kpi('care-leavers-suitable-accommodation', 'asOf=2029-03-31'))).toEqual([1, 3, 33.3]);
    expect(counts(await kpi('care-leavers-eet', 'asOf=2029-03-31'))).toEqual([1, 3, 33.3]);
  });

  it('a birthday of 29 February falls on 1 March in a year that has none', async () => {
    expect(counts(await kpi('care-leavers-in-touch', 'asOf=2029-02-28&months=1'))).toEqual([0, 0, null]);
    expect(counts(await kpi('care-leavers-in-touch', 'asOf=2029-03-01&months=1'))).toEqual([1, 1, 100]);
  });
});

describe('unaccompanied children and adoptions, 12 months ending 31 March 2030', () => {
  it('days from referral to becoming looked after, for those looked after in the period', async () => {
    const r = await kpi('uasc-days-to-looked-after', 'asOf=2030-03-31');
    expect([r.numerator, r.medianDays, r.maxDays]).toEqual([3, 10, 20]);
  });

  it(
    'days from entering care to moving in with the adoptive family: foster carers who adopt count from moving in',
    countsAre('adoption-entry-to-placed', 'asOf=2030-03-31', [366, 2, 183]),
  );
});

describe('permanence, 12 months ending 31 March 2031', () => {
  it('second reviews held in the period with a permanence plan in place that day', async () => {
    expect(counts(await kpi('permanence-by-second-review', 'asOf=2031-03-31'))).toEqual([1, 3, 33.3]);
    const without = await hos.get('/api/kpi/permanence-by-second-review/children?asOf=2031-03-31&only=not-numerator');
    expect(without.body.children.map((c: { name: string; onDate: string }) => [c.name, c.onDate]).sort()).toEqual([
      ['Pax Test', '2030-06-01'],
      ['Paz Test', '2030-06-20'],
    ]);
  });
});

describe('unregistered placements, snapshot 31 March 2032', () => {
  it('children placed with an unregistered provider on the day, with their days so placed in the 12 months', async () => {
    const r = await kpi('unregistered-placements', 'asOf=2032-03-31');
    expect([r.numerator, r.medianDays, r.maxDays]).toEqual([2, 274.5, 366]);
  });
});

describe('case audits, 12 months ending 31 March 2033', () => {
  it('audits graded good or outstanding, the moderated grade where there is one; by the team audited', async () => {
    expect(counts(await kpi('audit-grades', 'asOf=2033-03-31'))).toEqual([2, 4, 50]);
    expect(counts(await kpi('audit-grades', `asOf=2033-03-31&scope=team&scopeId=${ids.teamB}`))).toEqual([0, 0, null]);
  });
});

describe('health assessments, snapshot 31 March 2034', () => {
  it('children looked after 12 months or more whose last health assessment is not overdue (6-monthly under 5)', async () => {
    // Hana, Hugo and Hope; and the 13 children of eras F–I still in care, with no assessment (Mae, Max; Umar, Uma, Usha, Uri; Pete, Paz, Poe, Pax; Ula, Una, Ulf).
    expect(counts(await kpi('cla-health-assessments', 'asOf=2034-03-31'))).toEqual([2, 16, 12.5]);
    const upToDate = await hos.get('/api/kpi/cla-health-assessments/children?asOf=2034-03-31&only=numerator');
    expect(upToDate.body.children.map((c: { name: string }) => c.name).sort()).toEqual(['Hana Test', 'Hope Test']);
  });
});

describe('workforce rates, snapshot 29 February 2040', () => {
  // Permanent in post: team A 3, team B 1.5 (Bea 0.5, Lena leaving that day), reviewing 1: 5.5 FTE.
  it('turnover: permanent leavers in the 12 months from 1 March 2039 over permanent FTE in post', async () => {
    // Lara (1 March 2039) and Lena (29 February 2040): 2 of 5.5; not Liam (28 February 2039) nor Ana (agency).
    expect(counts(await kpi('turnover-rate', 'asOf=2040-02-29'))).toEqual([2, 5.5, 36.4]);
    expect(counts(await kpi('turnover-rate', `asOf=2040-02-29&scope=team&scopeId=${ids.teamA}`))).toEqual([1, 3, 33.3]);
    expect(counts(await kpi('turnover-rate', 'asOf=2040-02-29&scope=service&scopeId=Children%20in%20need'))).toEqual([2, 4.5, 44.4]);
    // A day later the 12 months begin on 2 March 2039 (Lara no longer), and Lena is no longer in post.
    expect(counts(await kpi('turnover-rate', 'asOf=2040-03-01'))).toEqual([1, 4.5, 22.2]);
  });

  it('agency: agency FTE in post over agency plus permanent FTE; a worker scope has no figure', async () => {
    expect(counts(await kpi('agency-rate', 'asOf=2040-02-29'))).toEqual([1, 6.5, 15.4]);
    expect(counts(await kpi('agency-rate', `asOf=2040-02-29&scope=team&scopeId=${ids.teamA}`))).toEqual([1, 4, 25]);
    expect(counts(await kpi('agency-rate', `asOf=2040-02-29&scope=worker&scopeId=${ids.swA}`))).toEqual([0, 0, null]);
  });

  it('vacancies: funded posts not filled by permanent staff, over the teams with funded posts recorded', async () => {
    // Team A: 6 funded, 3 permanent (Abe, agency, does not fill a post): 3 vacant; reviewing 1 of 1: 0. 3 of 3 + 4.
    expect(counts(await kpi('vacancy-rate', 'asOf=2040-02-29'))).toEqual([3, 7, 42.9]);
    expect(counts(await kpi('vacancy-rate', `asOf=2040-02-29&scope=team&scopeId=${ids.teamB}`))).toEqual([0, 0, null]);
    // From 1 March 2040 team A is funded for 4: 1 vacant of 1 + 4.
    expect(counts(await kpi('vacancy-rate', 'asOf=2040-03-01'))).toEqual([1, 5, 20]);
  });

  it('the team figures page counts turnover, agency share and vacancies the same way', async () => {
    const res = await hos.get('/api/workforce/team-stats?asOf=2040-02-29&months=1');
    expect(res.status).toBe(200);
    const teamA = res.body.teams.find((t: { teamId: string }) => t.teamId === ids.teamA);
    expect(teamA.current).toMatchObject({ turnoverRate: 33.3, agencyShare: 25, vacancies: 3 });
  });
});

describe('management oversight, snapshot 29 February 2040', () => {
  it('children whose running oversight clock is not past due: due on the day counts, met after the day does not', async () => {
    expect(counts(await kpi('management-oversight-in-time', 'asOf=2040-02-29'))).toEqual([2, 4, 50]);
    const late = await hos.get('/api/kpi/management-oversight-in-time/children?asOf=2040-02-29&only=not-numerator');
    expect(late.body.children.map((c: { name: string }) => c.name).sort()).toEqual(['Omar Test', 'Otis Test']);
    // On 1 March Olga's clock has run out, and Owen's has started.
    expect(counts(await kpi('management-oversight-in-time', 'asOf=2040-03-01'))).toEqual([2, 5, 40]);
  });

  it('a manager’s decision recorded through the API restarts the clock the indicator reads (the engine’s own rows)', async () => {
    // Referred Thursday 29 August 2024 (closed June 2025, before the other eras' open cases are counted)
    // and never overseen: due 29 November 2024, overdue on 31 December.
    const id = await child('Odile', { sex: 'F' });
    await episode(id, '2024-08-29', { closed: '2025-06-30' });
    await refreshObligations(server.store.db, LA, { childIds: [id] });
    expect(counts(await kpi('management-oversight-in-time', 'asOf=2024-11-29'))).toEqual([1, 1, 100]);
    expect(counts(await kpi('management-oversight-in-time', 'asOf=2024-12-31'))).toEqual([0, 1, 0]);
    const decided = await hos.post(`/api/children/${id}/decisions`, {
      kind: 'oversight',
      decidedOn: '2024-10-15',
      reasons: 'Plan reviewed with the social worker',
      evidenceSeen: 'Case notes and the child’s plan',
    });
    expect(decided.status).toBe(201);
    // The clock now runs from 15 October: due 15 January 2025.
    expect(counts(await kpi('management-oversight-in-time', 'asOf=2024-12-31'))).toEqual([1, 1, 100]);
    expect(counts(await kpi('management-oversight-in-time', 'asOf=2025-01-16'))).toEqual([0, 1, 0]);
  });
});

describe('long-term placement stability, snapshot 29 February 2040', () => {
  it('children under 16 looked after 30 months or more, in the same placement 2 years or more (or placed for adoption)', async () => {
    // Sara, Seb, Stan, Sol, Sky and, from era K, Hope (born 2030, in one placement since June 2032);
    // in the numerator Sara, Stan, Sol and Hope.
    expect(counts(await kpi('cla-long-term-stability', 'asOf=2040-02-29'))).toEqual([4, 6, 66.7]);
    const behind = await hos.get('/api/kpi/cla-long-term-stability/children?asOf=2040-02-29&only=numerator');
    expect(behind.body.children.map((c: { name: string }) => c.name).sort()).toEqual(['Hope Test', 'Sara Test', 'Sol Test', 'Stan Test']);
  });
});

describe('who sees what', () => {
  it('without case access, counts of 1 to 5 are suppressed (and the value with them); 0 is shown', async () => {
    const small = (await admin.get('/api/kpi/unallocated-cases?asOf=2027-01-31&trendMonths=1')).body.result;
    expect(small).toMatchObject({ numerator: null, value: null, suppressed: true });
    const pct = (await admin.get('/api/kpi/icpc-15wd?asOf=2026-03-31&trendMonths=1')).body.result;
    expect(pct).toMatchObject({ numerator: null, denominator: null, value: null, suppressed: true });
    const zero = (await admin.get('/api/kpi/cla-rate?asOf=2026-03-31&trendMonths=1')).body.result;
    expect(zero).toMatchObject({ numerator: 0, value: 0, suppressed: false });
  });

  it('without case access, an average over 1 to 5 children is suppressed whichever count holds them', async () => {
    // Two children adopted: 366 days in all is not a small count, but their average of 183 tells about each.
    const adoption = (await admin.get('/api/kpi/adoption-entry-to-placed?asOf=2030-03-31&trendMonths=1')).body.result;
    expect(adoption).toMatchObject({ numerator: null, denominator: null, value: null, suppressed: true });
    // A caseload of 4 children over 1.5 FTE: the children and the average are hidden, the FTE is not.
    const caseload = (await admin.get('/api/kpi/caseload-average?asOf=2027-01-31&trendMonths=1')).body.result;
    expect(caseload).toMatchObject({ numerator: null, denominator: 1.5, value: null, suppressed: true });
    // With case access, the same figures in full.
    expect(counts(await kpi('adoption-entry-to-placed', 'asOf=2030-03-31'))).toEqual([366, 2, 183]);
  });

  it('without case access, no children behind a number', async () => {
    expect((await admin.get('/api/kpi/icpc-15wd/children?asOf=2026-03-31')).status).toBe(403);
  });

  it('an analyst sees the children behind a number, and the read is audited', async () => {
    const res = await analyst.get('/api/kpi/unallocated-cases/children?asOf=2027-01-31');
    expect(res.body.children.map((c: { name: string; days: number }) => [c.name, c.days]).sort()).toEqual([
      ['Mia Goodwin', 90],
      ['Wade Test', 61],
    ]);
    const trail = await hos.get('/api/audit?limit=20');
    expect(trail.body.events).toContainEqual(expect.objectContaining({ username: 'analyst', action: 'read', recordType: 'indicator-children' }));
  });

  it('an unknown indicator is not found; a social worker may not read indicators', async () => {
    expect((await hos.get('/api/kpi/no-such-thing')).status).toBe(404);
    const sw = client(server, await signInAs(server, 'sw', FIXTURE_PASSWORD));
    expect((await sw.get('/api/kpi')).status).toBe(403);
  });
});

describe('every indicator at once, and frozen months', () => {
  it('lists every indicator for the council', async () => {
    const res = await hos.get('/api/kpi?asOf=2026-03-31');
    expect(res.status).toBe(200);
    const ids = res.body.indicators.map((i: { id: string }) => i.id);
    expect(ids).toContain('icpc-15wd');
    for (const id of ['cla-visits-in-time', 'missing-children', 'care-leavers-eet', 'unregistered-placements', 'audit-grades']) expect(ids).toContain(id);
    // indicators.md's 40, the 2 of early help, the 4 of legal planning and proceedings and the 7 of fostering.
    for (const id of ['care-proceedings-average-weeks', 'care-proceedings-median-weeks', 'pre-proceedings-over-16-weeks', 'proceedings-past-26-weeks'])
      expect(ids).toContain(id);
    expect(ids).toHaveLength(53);
    for (const id of ['cla-long-term-stability', 'turnover-rate', 'agency-rate', 'vacancy-rate', 'management-oversight-in-time']) expect(ids).toContain(id);
    expect(res.body.indicators.find((i: { id: string }) => i.id === 'assessments-45wd').value).toBe(33.3);
  });

  it('a trend is of complete months: as of 15 March 2026, December to February', async () => {
    const res = await hos.get('/api/kpi/assessments-45wd?asOf=2026-03-15&trendMonths=3');
    expect(res.body.trend.map((p: { asOf: string; numerator: number; denominator: number }) => [p.asOf, p.numerator, p.denominator])).toEqual([
      ['2025-12-31', 0, 0],
      ['2026-01-31', 0, 0],
      ['2026-02-28', 1, 2],
    ]);
    expect(res.body.trend[2].period).toEqual({ from: '2026-02-01', to: '2026-02-28' });
  });

  it('a frozen month keeps its figure when the record later changes', async () => {
    const frozen = await hos.post('/api/kpi/snapshots', { periodEnd: '2026-02-28' });
    expect(frozen.status).toBe(201);
    const before = (await hos.get('/api/kpi/assessments-45wd?asOf=2026-02-28&months=1&trendMonths=1')).body.result;
    expect([before.numerator, before.denominator, before.frozen]).toEqual([1, 2, true]);
    // A late correction: Ben's assessment is re-dated as authorised on 26 February.
    await server.store.db
      .updateTable('assessment')
      .set({ completed_on: '2026-02-26', authorised_on: '2026-02-26' })
      .where('child_id', '=', named.Ben as string)
      .execute();
    const after = (await hos.get('/api/kpi/assessments-45wd?asOf=2026-02-28&months=1&trendMonths=1')).body.result;
    expect([after.numerator, after.denominator, after.frozen]).toEqual([1, 2, true]);
    const live = (await hos.get('/api/kpi/assessments-45wd?asOf=2026-03-31&trendMonths=1')).body.result;
    expect(live.numerator).toBe(2);
    expect((await hos.post('/api/kpi/snapshots', { periodEnd: '2999-01-31' })).status).toBe(400);
  });
});
