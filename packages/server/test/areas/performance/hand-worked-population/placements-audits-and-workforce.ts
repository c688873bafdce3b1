import { randomUUID } from 'node:crypto';
import { LA } from '../../../helpers/fixture.ts';
import type { Population } from './builders.ts';

/**
 * Eras I to L: placements with unregistered providers (31 March 2032); case audits (to March 2033);
 * health assessments (31 March 2034); turnover, agency and vacancies, management oversight and
 * long-term placement stability (29 February 2040).
 */
export async function writePlacementsAuditsAndWorkforce({ db, ids, child, cla, obligation }: Population) {
  // Era I: each placement [start, end, approved as unregistered].
  const providerId = randomUUID();
  await db
    .insertInto('provider')
    .values({
      la_code: LA,
      provider_id: providerId,
      name: 'Unregistered home (synthetic)',
      provider_kind: 'childrens-home',
      registration_status: 'unregistered',
    })
    .execute();
  const placed = async (name: string, placements: [string, string | null, boolean][]) => {
    const c = await child(name);
    const { placementIds } = await cla(
      c,
      placements.map(([start, end]) => [start, end, undefined, 'K2']),
    );
    for (const [i, [start, , unregistered]] of placements.entries()) {
      if (unregistered) {
        await db
          .insertInto('unregistered_approval')
          .values({
            la_code: LA,
            approval_id: randomUUID(),
            child_id: c,
            provider_id: providerId,
            placement_type: 'K2',
            approved_on: start,
            approved_by: randomUUID(),
            approver_name: 'Director (synthetic)',
            reasons: 'No registered place',
            placement_id: placementIds[i] as string,
          })
          .execute();
      }
    }
  };
  await placed('Ula', [['2031-10-01', null, true]]); // 183 days to 31 March 2032
  await placed('Una', [['2030-06-01', null, true]]); // the whole 12 months: 366 days (2032 is a leap year)
  await placed('Ulf', [
    ['2031-05-01', '2031-09-01', true],
    ['2031-09-01', null, false],
  ]); // no longer with the unregistered provider on the day

  // Era J: case audits, each [audited, grade, moderated grade].
  const audited = await child('Aled');
  for (const [on, grade, moderated] of [
    ['2032-05-01', 'good', null],
    ['2032-06-01', 'requires-improvement', 'good'],
    ['2032-07-01', 'good', 'requires-improvement'],
    ['2032-08-01', 'inadequate', null],
    ['2032-03-31', 'outstanding', null], // before the period
  ] as const) {
    await db
      .insertInto('case_audit')
      .values({
        la_code: LA,
        case_audit_id: randomUUID(),
        child_id: audited,
        team_id: ids.teamA,
        audited_on: on,
        auditor_user_id: randomUUID(),
        grade,
        answers: JSON.stringify([]),
        summary: 'Synthetic audit',
        moderator_user_id: moderated ? randomUUID() : null,
        moderated_on: moderated ? on : null,
        moderated_grade: moderated,
      })
      .execute();
  }

  // Era K: [born, in care from, last health assessment].
  for (const [name, born, care, assessed] of [
    ['Hana', '2020-01-01', '2032-01-01', '2033-04-01'], // due 1 April 2034: up to date
    ['Hugo', '2015-01-01', '2032-01-01', '2033-03-30'], // due 30 March 2034: overdue
    ['Hope', '2030-01-01', '2032-06-01', '2033-12-01'], // under 5 when assessed: due 6 months on, 1 June 2034
    ['Hal', '2015-01-01', '2033-06-01', '2033-06-10'], // looked after under 12 months
  ] as const) {
    const c = await child(name, { born });
    await cla(c, [[care, null]]);
    await db
      .insertInto('health_check')
      .values({ la_code: LA, check_id: randomUUID(), child_id: c, kind: 'review-health-assessment', done_on: assessed })
      .execute();
  }

  // Era L, snapshot 29 February 2040: 12 months back is 28 February 2039 (from 1 March 2039),
  // 2 years back is 28 February 2038 and 30 months back 29 August 2037. The fixture's staff,
  // all permanent and in post: team A Ava, Amir, Tom (1 FTE each); team B Bea (0.5 since era D);
  // Independent reviewing Ira (1).
  const staff = (given: string, employment: 'permanent' | 'agency', team: string, fte: number, start: string, leave: string | null) => ({
    la_code: LA,
    worker_id: randomUUID(),
    given_name: given,
    family_name: 'Staff',
    job_role: 'social-worker',
    employment,
    team_id: team,
    start_date: start,
    leave_date: leave,
    fte,
  });
  await db
    .insertInto('worker')
    .values([
      staff('Lara', 'permanent', ids.teamA, 1, '2034-01-01', '2039-03-01'), // left on the first day of the 12 months
      staff('Liam', 'permanent', ids.teamA, 0.5, '2034-01-01', '2039-02-28'), // left the day before them
      staff('Lena', 'permanent', ids.teamB, 1, '2034-01-01', '2040-02-29'), // leaves on the day: in post that day, and a leaver
      staff('Abe', 'agency', ids.teamA, 1, '2039-06-01', null),
      staff('Ana', 'agency', ids.teamB, 0.5, '2039-01-01', '2039-12-01'), // an agency leaver: not in turnover
    ])
    .execute();
  await db
    .insertInto('team_establishment')
    .values([
      { la_code: LA, team_id: ids.teamA, effective_from: '2039-01-01', funded_fte: 6 },
      { la_code: LA, team_id: ids.teamA, effective_from: '2040-03-01', funded_fte: 4 },
      { la_code: LA, team_id: ids.teamIro, effective_from: '2020-01-01', funded_fte: 1 },
    ])
    .execute();

  // Era L: management-oversight clocks as the engine keeps them (3 months from the referral or
  // the last oversight), each [start, due, met, ended].
  for (const [name, clocks] of Object.entries({
    Olga: [['2039-11-30', '2040-02-29', null, null]], // 3 months from 30 November is 29 February in a leap year: due on the day
    Otis: [['2039-11-28', '2040-02-28', null, null]], // a day overdue
    Oren: [
      ['2039-09-01', '2039-12-01', '2040-01-15', null], // met late; the clock since runs from 15 January
      ['2040-01-15', '2040-04-15', null, null],
    ],
    Omar: [['2039-11-01', '2040-02-01', '2040-03-05', null]], // met only after the snapshot: overdue on it
    Orla: [['2039-10-01', '2040-01-01', null, '2040-01-31']], // case closed in January: not counted
    Owen: [['2040-03-01', '2040-06-01', null, null]], // referred the day after
  } as Record<string, [string, string, string | null, string | null][]>)) {
    const c = await child(name);
    for (const [start, due, met, ended] of clocks) {
      await obligation(c, 'management-oversight', due, { start, met, ended, endReason: 'Episode closed' });
    }
  }

  // Era L: long-term stability. Each child [born, placements [start, end, placement, type]]; a
  // repeated placement letter is the same placement (a change of legal status only).
  const placements = async (name: string, born: string, eps: [string, string | null, string, string][]) => cla(await child(name, { born }), eps);
  await placements('Sara', '2029-01-01', [
    ['2037-08-29', '2038-02-28', 'a', 'U1'], // looked after exactly 30 months
    ['2038-02-28', null, 'b', 'U1'], // in this placement exactly 2 years
  ]);
  await placements('Seb', '2029-01-01', [
    ['2037-08-29', '2038-03-01', 'a', 'U1'],
    ['2038-03-01', null, 'b', 'U1'], // 2 years only on 1 March 2040
  ]);
  await placements('Sian', '2029-01-01', [['2037-08-30', null, 'a', 'U1']]); // a day short of 30 months looked after
  await placements('Stan', '2024-03-01', [
    ['2034-01-01', '2039-01-01', 'a', 'U1'],
    ['2039-01-01', null, 'a', 'U1'], // a new legal status, the same placement since 2034; 16 only on 1 March 2040
  ]);
  await placements('Suki', '2024-02-29', [['2034-01-01', null, 'a', 'U1']]); // 16 on 29 February 2040: not under 16
  await placements('Sol', '2029-01-01', [
    ['2037-01-01', '2039-06-01', 'a', 'U1'],
    ['2039-06-01', null, 'b', 'A4'], // placed for adoption with new carers: with the placement before, since 2037
  ]);
  await placements('Sky', '2029-01-01', [
    ['2037-01-01', '2038-06-01', 'a', 'U1'],
    ['2038-06-01', '2039-06-01', 'b', 'U1'],
    ['2039-06-01', null, 'c', 'A6'], // the placement before began June 2038: under 2 years
  ]);
}
