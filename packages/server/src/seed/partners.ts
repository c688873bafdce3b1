/**
 * The demo council's partner agencies: organisations with named and escalation contacts, a
 * partner demo user (partner.demo, at the housing partner), requests from open cases with answers
 * (some late, some never), partners at the conferences already generated, and families waiting
 * for a home. Deterministic for a seed: drawn from its own stream, over rows read in a fixed order.
 * Every name is synthetic.
 */
import { PARTNER_REQUEST_TYPE, type PartnerRequestType, type PartnerType, respondByFor } from '@lantern/core/partners';
import { type Insertable, sql } from 'kysely';
import type { AppUserTable, Database } from '../kernel/db/schema.ts';
import type { Ledger } from '../kernel/ledger.ts';
import { chronicleRows } from './trail.ts';
import { buildNamePools } from './pools.ts';
import { dayOf, isoOf, Rng } from './rng.ts';

const STREAM = 8008;

const ORGANISATIONS: readonly { key: string; name: string; type: PartnerType }[] = [
  { key: 'police', name: 'Marches Police: Public Protection Unit', type: 'police' },
  { key: 'gp', name: 'Riverside Medical Practice', type: 'gp' },
  { key: 'health-visiting', name: 'Community Health Visiting Service', type: 'health-visiting' },
  { key: 'school-nursing', name: 'School Nursing Service', type: 'school-nursing' },
  { key: 'hospital', name: 'County Hospital Paediatrics', type: 'hospital' },
  { key: 'mental-health', name: 'Children and Young People’s Mental Health Service', type: 'mental-health' },
  { key: 'primary', name: 'Oakfield Primary School', type: 'school' },
  { key: 'secondary', name: 'Hillside Academy', type: 'school' },
  { key: 'education', name: 'Education Inclusion Service', type: 'education' },
  { key: 'housing', name: 'Homes Partnership: Housing Options', type: 'housing' },
  { key: 'probation', name: 'Probation Service: Local Delivery Unit', type: 'probation' },
  { key: 'youth-justice', name: 'Youth Justice Service', type: 'youth-justice' },
  { key: 'voluntary', name: 'Family Support Trust', type: 'voluntary' },
];

/** What a worker asks of each kind of partner, and what the partner needs to know. */
const ASKS: Record<PartnerRequestType, { org: readonly string[]; asked: readonly string[]; answers: readonly string[] }> = {
  'assessment-information': {
    org: ['police', 'gp', 'health-visiting', 'primary', 'secondary', 'probation'],
    asked: [
      'Please share what you know of the family for the assessment: concerns, contact and attendance.',
      'Any incidents or call-outs at the address in the last 12 months?',
    ],
    answers: [
      'No concerns recorded since the last contact; attendance is good.',
      'Two call-outs this year for verbal arguments; no arrests. Details attached.',
      'Known to the service; missed two appointments in the summer.',
    ],
  },
  'conference-report': {
    org: ['police', 'health-visiting', 'primary', 'secondary', 'gp'],
    asked: ['Please attend the conference and send a written report beforehand.'],
    answers: ['Report sent; the officer will attend.', 'Report attached; unable to attend, apologies sent.'],
  },
  'housing-assessment': {
    org: ['housing'],
    asked: [
      'Please assess the family’s housing need: the home is overcrowded and damp.',
      'The family has been served notice; please assess for homelessness prevention.',
    ],
    answers: ['Assessed: band B, placed on the housing register.', 'Assessed: priority need accepted; temporary accommodation offered.'],
  },
  'housing-move': {
    org: ['housing'],
    asked: ['Please prioritise a move away from the area for the family’s safety.'],
    answers: ['Management move agreed; an offer will follow.', 'Band A awarded; two properties to view next week.'],
  },
  'health-assessment': {
    org: ['gp', 'hospital', 'mental-health', 'school-nursing'],
    asked: ['Please complete a health assessment and share the outcome.', 'Please see the child for an assessment of their emotional wellbeing.'],
    answers: ['Seen; growth and development within normal range.', 'Assessed; referred on for therapeutic support, waiting 10 weeks.'],
  },
  'school-place': {
    org: ['education'],
    asked: ['Please find a school place for the child after the move.'],
    answers: ['Place offered at Oakfield Primary from next Monday.'],
  },
};

const NEEDS = [
  'Overcrowded: the family shares one bedroom',
  'Served notice by the landlord; at risk of homelessness',
  'Needs to move away from the area for safety (domestic abuse)',
  'Damp and mould affecting the child’s health',
  'Temporary accommodation far from school',
];
const PRIORITIES = ['emergency', 'band-a', 'band-b', 'band-c'] as const;

export type PartnerSeed = { users: Insertable<AppUserTable>[]; records: Record<string, number> };

export async function seedPartners(
  ledger: Ledger,
  options: { laCode: string; seed: number; asOf: string; passwordHash: string; partnerUserId?: string },
): Promise<PartnerSeed> {
  const { laCode, asOf } = options;
  const db = ledger.db;
  const rng = new Rng(options.seed, STREAM);
  const names = buildNamePools(options.seed + STREAM);
  const person = () => `${rng.pick(rng.chance(0.5) ? names.female : names.male)} ${rng.pick(names.family)}`;
  const today = dayOf(asOf);

  const orgs = ORGANISATIONS.map((o) => ({ ...o, id: rng.uuid() }));
  const orgOf = (key: string) => orgs.find((o) => o.key === key) as (typeof orgs)[number];
  const contacts = orgs.flatMap((o) => [
    { la_code: laCode, contact_id: rng.uuid(), organisation_id: o.id, name: person(), job_title: 'Safeguarding lead', is_escalation: false },
    { la_code: laCode, contact_id: rng.uuid(), organisation_id: o.id, name: person(), job_title: 'Service manager', is_escalation: true },
  ]);
  await db
    .insertInto('partner_organisation')
    .values(orgs.map((o) => ({ la_code: laCode, organisation_id: o.id, name: o.name, partner_type: o.type })))
    .execute();
  await db.insertInto('partner_contact').values(contacts).execute();

  const housing = orgOf('housing');
  const users: Insertable<AppUserTable>[] = [
    {
      la_code: laCode,
      user_id: options.partnerUserId ?? rng.uuid(),
      username: 'partner.demo',
      display_name: `${person()} (${housing.name})`,
      role: 'partner',
      worker_id: null,
      partner_organisation_id: housing.id,
      password_hash: options.passwordHash,
    },
  ];
  await db.insertInto('app_user').values(users).execute();

  // Open cases with their allocated social worker, in a fixed order. The council is written in one
  // transaction, so the planner's statistics still say these tables are empty and it joins them by
  // nested loops, each reading every allocation: 20+ minutes at 50,000 children. Hash joins here.
  await sql`set local enable_nestloop = off`.execute(db);
  const cases = await sql<{ child_id: string; given_name: string; date_of_birth: string | null; worker_id: string; referral_date: string }>`
    select p.person_id as child_id, p.given_name, p.date_of_birth, a.worker_id, e.referral_date
    from cin_episode e
    join person p on p.la_code = e.la_code and p.person_id = e.child_id
    join allocation a on a.la_code = e.la_code and a.child_id = e.child_id and a.allocation_role = 'social-worker' and a.end_date is null
    where e.la_code = ${laCode} and e.closure_date is null and not p.restricted
    order by p.la_child_id`.execute(db);
  await sql`set local enable_nestloop = on`.execute(db);

  const requests: Insertable<Database['partner_request']>[] = [];
  const chronology: Insertable<Database['chronology_entry']>[] = [];
  const housingNeeds: Insertable<Database['housing_need']>[] = [];
  const types = Object.keys(ASKS) as PartnerRequestType[];
  const sent = (from: number) => Math.max(from, today - rng.between(0, 120));

  const addRequest = (c: (typeof cases.rows)[number], type: PartnerRequestType, sentDay: number, fate: 'answered' | 'late' | 'open' | 'withdrawn') => {
    const ask = ASKS[type];
    const org = orgOf(rng.pick(ask.org));
    const sentOn = isoOf(sentDay);
    const respondBy = respondByFor(sentOn, PARTNER_REQUEST_TYPE[type].due);
    const dueDay = dayOf(respondBy);
    let answeredDay: number | null = null;
    if (fate === 'answered') answeredDay = sentDay + rng.between(1, Math.max(1, dueDay - sentDay));
    if (fate === 'late') answeredDay = dueDay + rng.between(1, 30);
    if (answeredDay !== null && answeredDay > today) answeredDay = null; // still waiting as of today
    const withdrawnDay = fate === 'withdrawn' ? Math.min(today, sentDay + rng.between(1, 10)) : null;
    const requestId = rng.uuid();
    const answer = answeredDay !== null ? rng.pick(ask.answers) : null;
    const age = c.date_of_birth ? Math.floor((today - dayOf(c.date_of_birth)) / 365.25) : null;
    requests.push({
      la_code: laCode,
      request_id: requestId,
      child_id: c.child_id,
      organisation_id: org.id,
      contact_id: contacts.find((x) => x.organisation_id === org.id && !x.is_escalation)?.contact_id ?? null,
      request_type: type,
      asked: rng.pick(ask.asked),
      need_to_know: `${c.given_name}${age !== null ? ` (${age})` : ''} is known to children’s social care; the family has agreed to information being shared.`,
      sent_on: sentOn,
      respond_by: respondBy,
      requested_by: null,
      requested_by_worker_id: c.worker_id,
      answered_on: answeredDay !== null ? isoOf(answeredDay) : null,
      answer,
      answered_by_name: answeredDay !== null ? person() : null,
      withdrawn_on: withdrawnDay !== null ? isoOf(withdrawnDay) : null,
      withdrawn_reason: withdrawnDay !== null ? 'No longer needed: the information came from elsewhere.' : null,
    });
    chronology.push({
      la_code: laCode,
      entry_id: rng.uuid(),
      child_id: c.child_id,
      occurred_on: sentOn,
      category: 'partner-request',
      summary: `Request to ${org.name}: ${PARTNER_REQUEST_TYPE[type].label} (answer due by ${respondBy})`,
      record_type: 'partner-request',
      record_id: requestId,
      recorded_by: null,
    });
    if (answeredDay !== null)
      chronology.push({
        la_code: laCode,
        entry_id: rng.uuid(),
        child_id: c.child_id,
        occurred_on: isoOf(answeredDay),
        category: 'partner-answer',
        summary: `${org.name} answered: ${PARTNER_REQUEST_TYPE[type].label}${answeredDay > dueDay ? ` (due ${respondBy}: late)` : ''} — ${answer}`,
        record_type: 'partner-request',
        record_id: requestId,
        recorded_by: null,
      });
    return { requestId, sentDay };
  };
  const fate = () => {
    const r = rng.next();
    return r < 0.55 ? 'answered' : r < 0.75 ? 'late' : r < 0.93 ? 'open' : 'withdrawn';
  };

  for (const c of cases.rows) {
    const from = dayOf(c.referral_date);
    if (rng.chance(0.3)) {
      const n = rng.between(1, 2);
      for (let i = 0; i < n; i++) addRequest(c, rng.pick(types.filter((t) => !t.startsWith('housing'))), sent(from), fate());
    }
    // About one family in twelve needs a home; housing is slow to answer, so more wait.
    if (rng.chance(0.08)) {
      const identified = Math.max(from, today - rng.between(5, 240));
      const type: PartnerRequestType = rng.chance(0.7) ? 'housing-assessment' : 'housing-move';
      const r = rng.next();
      const { requestId } = addRequest(c, type, Math.min(today, identified + rng.between(0, 5)), r < 0.35 ? 'answered' : r < 0.7 ? 'late' : 'open');
      const resolved = rng.chance(0.2) && today - identified > 60 ? identified + rng.between(40, today - identified) : null;
      const agreed = rng.chance(0.6) ? Math.min(today, identified + rng.between(10, 60)) : null;
      housingNeeds.push({
        la_code: laCode,
        housing_need_id: rng.uuid(),
        child_id: c.child_id,
        identified_on: isoOf(identified),
        need: rng.pick(NEEDS),
        request_id: requestId,
        priority: agreed !== null ? rng.pick(PRIORITIES) : null,
        priority_agreed_on: agreed !== null ? isoOf(agreed) : null,
        resolved_on: resolved !== null ? isoOf(resolved) : null,
        resolution: resolved !== null ? 'Moved to a suitable home.' : null,
      });
    }
  }

  // Partners at the conferences already generated: who was invited, who came, who sent a report.
  const conferences = await sql<{ conference_id: string; child_id: string; held_on: string }>`
    select c.conference_id, c.child_id, c.held_on from cp_conference c where c.la_code = ${laCode} order by c.held_on, c.conference_id`.execute(db);
  const attendance: [string, number][] = [
    ['police', 0.72],
    ['health-visiting', 0.8],
    ['primary', 0.68],
  ];
  const contributions = conferences.rows.flatMap((c) =>
    attendance.map(([key, p]) => {
      const attended = rng.chance(p);
      const report = rng.chance(attended ? 0.8 : 0.4);
      return {
        la_code: laCode,
        contribution_id: rng.uuid(),
        child_id: c.child_id,
        meeting_kind: 'conference' as const,
        meeting_id: c.conference_id,
        organisation_id: orgOf(key).id,
        invited: true,
        attended,
        report_sent_on: report ? isoOf(dayOf(c.held_on) - rng.between(0, 3)) : null,
      };
    }),
  );

  for (const [table, rows] of [
    ['partner_request', requests],
    ['housing_need', housingNeeds],
    ['meeting_contribution', contributions],
  ] as const) {
    for (let i = 0; i < rows.length; i += 500)
      await db
        .insertInto(table)
        .values(rows.slice(i, i + 500) as never)
        .execute();
  }
  await chronicleRows(ledger, chronology);
  return {
    users,
    records: {
      partner_organisation: orgs.length,
      partner_contact: contacts.length,
      partner_request: requests.length,
      housing_need: housingNeeds.length,
      meeting_contribution: contributions.length,
      chronology_entry: chronology.length,
      app_user: users.length,
    },
  };
}
