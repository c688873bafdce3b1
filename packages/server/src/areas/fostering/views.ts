/**
 * What the fostering service reads: the households, one household in full (for the fostering
 * team), a carer's terms and contact details (for a child's social worker), the register of
 * places today, matching a child to the households whose terms fit, and the section 20 list.
 */
import { addCalendarMonths, todayInEngland } from '@lantern/core/calendar';
import {
  carerTurnoverRate,
  freePlaces,
  HOUSEHOLD_KIND,
  HOUSEHOLD_STATUS,
  type HouseholdStatus,
  LEAVING_REASON,
  PLACEMENT_TERM,
  type PlacementTerm,
  type Terms,
  termsMisfit,
  termsText,
} from '@lantern/core/fostering';
import { ageOn } from '@lantern/core/looked-after';
import { RULE_LABELS } from '@lantern/core/timescales';
import { type Kysely, sql } from 'kysely';
import type { CurrentUser } from '../../kernel/context.ts';
import { rowByKey } from '../../kernel/db/by-key.ts';
import type { Database, FosterHouseholdTable } from '../../kernel/db/schema.ts';
import { scopeFor } from '@lantern/core/permissions';
import { childrenInScope } from '../../kernel/access.ts';
import { forbidden, notFound } from '../../kernel/http/problem.ts';
import type { Selectable } from 'kysely';

type Household = Selectable<FosterHouseholdTable>;

const stateOn = (r: { due_date: string; met_on: string | null; ended_on: string | null }, asOf: string) => {
  if (r.met_on && r.met_on <= asOf) return r.met_on <= r.due_date ? 'met-on-time' : 'met-late';
  if (r.ended_on && r.ended_on <= asOf) return 'ended';
  return r.due_date < asOf ? 'overdue' : 'due';
};

const termsOf = (h: Household): Terms | null =>
  h.max_children === null
    ? null
    : {
        maxChildren: h.max_children,
        ageFrom: h.age_from ?? 0,
        ageTo: h.age_to ?? 17,
        sex: (h.terms_sex ?? 'any') as Terms['sex'],
        placementTypes: h.placement_types ?? [],
      };

/** The children placed with each household on a day (open in-house placements naming it). */
async function placedOn(db: Kysely<Database>, laCode: string, asOf: string, householdIds?: string[]) {
  let q = db
    .selectFrom('cla_episode as e')
    .innerJoin('person as p', (j) => j.onRef('p.la_code', '=', 'e.la_code').onRef('p.person_id', '=', 'e.child_id'))
    .select(['e.foster_household_id', 'e.child_id', 'p.given_name', 'p.family_name', 'e.start_date'])
    .where('e.la_code', '=', laCode)
    .where('e.foster_household_id', 'is not', null)
    .where('e.start_date', '<=', asOf)
    .where((eb) => eb.or([eb('e.end_date', 'is', null), eb('e.end_date', '>', asOf)]));
  if (householdIds) q = q.where('e.foster_household_id', 'in', householdIds);
  const out = new Map<string, { childId: string; name: string; since: string }[]>();
  for (const r of await q.orderBy('e.start_date').execute()) {
    const list = out.get(r.foster_household_id as string) ?? [];
    list.push({ childId: r.child_id, name: `${r.given_name} ${r.family_name}`, since: r.start_date });
    out.set(r.foster_household_id as string, list);
  }
  return out;
}

async function summaries(db: Kysely<Database>, laCode: string, asOf: string, where: (q: ReturnType<typeof base>) => ReturnType<typeof base>) {
  function base() {
    return db
      .selectFrom('foster_household as h')
      .leftJoin('worker as w', (j) => j.onRef('w.la_code', '=', 'h.la_code').onRef('w.worker_id', '=', 'h.supervising_worker_id'))
      .selectAll('h')
      .select([
        sql<string | null>`w.given_name || ' ' || w.family_name`.as('worker_name'),
        sql<number>`(select count(*)::int from foster_obligation o where o.la_code = h.la_code and o.household_id = h.household_id
          and o.start_date <= ${asOf} and o.due_date < ${asOf} and (o.met_on is null or o.met_on > ${asOf}) and (o.ended_on is null or o.ended_on > ${asOf}))`.as(
          'overdue',
        ),
      ])
      .where('h.la_code', '=', laCode);
  }
  const rows = await where(base()).orderBy('h.reference').execute();
  const placed = await placedOn(db, laCode, asOf);
  return rows.map((h) => {
    const children = placed.get(h.household_id) ?? [];
    return {
      row: h as Household,
      children,
      summary: {
        householdId: h.household_id,
        reference: h.reference,
        name: h.name,
        kind: h.kind,
        kindLabel: HOUSEHOLD_KIND[h.kind as keyof typeof HOUSEHOLD_KIND] ?? h.kind,
        status: h.status,
        statusLabel: HOUSEHOLD_STATUS[h.status as HouseholdStatus] ?? h.status,
        version: h.version,
        supervisingWorker: h.worker_name,
        approvedOn: h.decision === 'approved' ? h.decision_on : null,
        places: h.max_children,
        placed: children.length,
        free: h.status === 'approved' ? freePlaces(h.max_children ?? 0, children.length) : 0,
        overdue: h.overdue,
      },
    };
  });
}

export async function listHouseholds(db: Kysely<Database>, user: CurrentUser, status?: string) {
  const list = await summaries(db, user.laCode, todayInEngland(), (q) => (status ? q.where('h.status', '=', status) : q));
  return { households: list.map((l) => l.summary) };
}

export async function householdView(db: Kysely<Database>, user: CurrentUser, householdId: string, asOf = todayInEngland()) {
  const [one] = await summaries(db, user.laCode, asOf, (q) => q.where('h.household_id', '=', householdId));
  if (!one) throw notFound('household');
  const h = one.row;
  const la = user.laCode;
  const [members, checks, visits, reviews, training, allegations, deadlines, temporaryChild] = await Promise.all([
    db.selectFrom('foster_household_member').selectAll().where('la_code', '=', la).where('household_id', '=', householdId).orderBy('created_at').execute(),
    db.selectFrom('foster_member_check').selectAll().where('la_code', '=', la).where('household_id', '=', householdId).orderBy('requested_on').execute(),
    db
      .selectFrom('foster_visit as v')
      .leftJoin('worker as w', (j) => j.onRef('w.la_code', '=', 'v.la_code').onRef('w.worker_id', '=', 'v.worker_id'))
      .select(['v.visit_id', 'v.visited_on', 'v.unannounced', 'v.notes', sql<string | null>`w.given_name || ' ' || w.family_name`.as('by')])
      .where('v.la_code', '=', la)
      .where('v.household_id', '=', householdId)
      .orderBy('v.visited_on', 'desc')
      .execute(),
    db.selectFrom('foster_review').selectAll().where('la_code', '=', la).where('household_id', '=', householdId).orderBy('held_on', 'desc').execute(),
    db.selectFrom('foster_training').selectAll().where('la_code', '=', la).where('household_id', '=', householdId).orderBy('completed_on', 'desc').execute(),
    db.selectFrom('foster_allegation').selectAll().where('la_code', '=', la).where('household_id', '=', householdId).orderBy('made_on', 'desc').execute(),
    db
      .selectFrom('foster_obligation')
      .selectAll()
      .where('la_code', '=', la)
      .where('household_id', '=', householdId)
      .where('start_date', '<=', asOf)
      .where((eb) => eb.or([eb('met_on', 'is', null), eb('met_on', '>', asOf)]))
      .where((eb) => eb.or([eb('ended_on', 'is', null), eb('ended_on', '>', asOf)]))
      .orderBy('due_date')
      .execute(),
    h.temporary_child_id
      ? db.selectFrom('person').select(['given_name', 'family_name']).where('la_code', '=', la).where('person_id', '=', h.temporary_child_id).executeTakeFirst()
      : undefined,
  ]);
  const yearAgo = `${Number(asOf.slice(0, 4)) - 1}${asOf.slice(4)}`;
  const terms = termsOf(h);
  return {
    ...one.summary,
    addressLine: h.address_line,
    postcode: h.postcode,
    phone: h.phone,
    email: h.email,
    supervisingWorkerId: h.supervising_worker_id,
    enquiryOn: h.enquiry_on,
    applicationOn: h.application_on,
    stageOneOn: h.stage_one_on,
    stageTwoOn: h.stage_two_on,
    panelOn: h.panel_on,
    panelRecommendation: h.panel_recommendation,
    decisionOn: h.decision_on,
    decision: h.decision,
    terms: terms ? { ...terms, placementTypes: terms.placementTypes as PlacementTerm[] } : null,
    termsText: termsText(terms),
    temporary:
      h.temporary_child_id && h.temporary_from
        ? {
            childId: h.temporary_child_id,
            childName: temporaryChild ? `${temporaryChild.given_name} ${temporaryChild.family_name}` : '',
            placedOn: h.temporary_from,
            extendedReason: h.temporary_extension_reason,
          }
        : null,
    leftOn: h.left_on,
    leavingReason: h.leaving_reason ? (LEAVING_REASON[h.leaving_reason as keyof typeof LEAVING_REASON] ?? h.leaving_reason) : null,
    unannouncedInYear: visits.some((v) => v.unannounced && v.visited_on > yearAgo && v.visited_on <= asOf),
    members: members.map((m) => ({
      memberId: m.member_id,
      name: `${m.given_name} ${m.family_name}`,
      role: m.role,
      dateOfBirth: m.date_of_birth,
      checks: checks
        .filter((c) => c.member_id === m.member_id)
        .map((c) => ({ checkId: c.check_id, kind: c.kind, requestedOn: c.requested_on, completedOn: c.completed_on, outcome: c.outcome })),
    })),
    children: one.children,
    visits: visits.map((v) => ({ visitId: v.visit_id, visitedOn: v.visited_on, unannounced: v.unannounced, notes: v.notes, by: v.by })),
    reviews: reviews.map((r) => ({ reviewId: r.review_id, heldOn: r.held_on, outcome: r.outcome, notes: r.notes })),
    training: training.map((t) => ({ trainingId: t.training_id, completedOn: t.completed_on, title: t.title, tsdStandards: t.tsd_standards })),
    allegations: allegations.map((a) => ({
      allegationId: a.allegation_id,
      madeOn: a.made_on,
      summary: a.summary,
      outcome: a.outcome,
      outcomeOn: a.outcome_on,
      version: a.version,
    })),
    deadlines: deadlines.map((d) => ({
      ruleId: d.rule_id,
      label: RULE_LABELS[d.rule_id] ?? d.rule_id,
      startDate: d.start_date,
      dueDate: d.due_date,
      state: stateOn(d, asOf),
    })),
  };
}

/**
 * A carer's approval terms and contact details. The fostering team and the head of service reach
 * every household; a child's social worker (team scope) or IRO (own) only a household where a child
 * they may act for is placed now.
 */
export async function carerContact(db: Kysely<Database>, user: CurrentUser, householdId: string) {
  const scope = scopeFor(user.role, 'carer:read');
  if (!scope) throw forbidden();
  const [one] = await summaries(db, user.laCode, todayInEngland(), (q) => q.where('h.household_id', '=', householdId));
  if (!one) throw notFound('household');
  if (scope !== 'council') {
    const ids = one.children.map((c) => c.childId);
    const mine = ids.length
      ? await db.selectFrom('person as p').select('p.person_id').where('p.person_id', 'in', ids).where(childrenInScope(user, scope)).executeTakeFirst()
      : undefined;
    if (!mine) throw notFound('household');
  }
  const h = one.row;
  return {
    householdId: h.household_id,
    reference: h.reference,
    name: h.name,
    statusLabel: one.summary.statusLabel,
    addressLine: h.address_line,
    postcode: h.postcode,
    phone: h.phone,
    email: h.email,
    supervisingWorker: one.summary.supervisingWorker,
    termsText: termsText(termsOf(h)),
  };
}

const AGE_BANDS: [string, number, number][] = [
  ['0 to 4', 0, 4],
  ['5 to 10', 5, 10],
  ['11 to 15', 11, 15],
  ['16 to 17', 16, 17],
];

/** The register today: each approved household's places, who is placed, and free places by age and kind of placement. */
export async function register(db: Kysely<Database>, user: CurrentUser, asOf = todayInEngland()) {
  const list = await summaries(db, user.laCode, asOf, (q) => q.where('h.status', 'in', ['approved', 'on-hold']));
  const freeBy = new Map<string, number>();
  for (const { row, summary } of list) {
    const t = termsOf(row);
    if (!t || summary.free === 0) continue;
    for (const kind of t.placementTypes)
      for (const [band, from, to] of AGE_BANDS)
        if (t.ageFrom <= to && t.ageTo >= from) freeBy.set(`${kind}|${band}`, (freeBy.get(`${kind}|${band}`) ?? 0) + summary.free);
  }
  const sum = (f: (s: (typeof list)[number]['summary']) => number) => list.reduce((n, l) => n + f(l.summary), 0);
  // Turnover: approved households that left in the 12 months to today, against those approved at its start.
  const from = addCalendarMonths(asOf, -12);
  const year = await db
    .selectFrom('foster_household')
    .select(['decision_on', 'left_on', 'leaving_reason', 'status'])
    .where('la_code', '=', user.laCode)
    .where('decision', '=', 'approved')
    .execute();
  const approvedAtStart = year.filter((h) => (h.decision_on as string) <= from && (h.left_on === null || h.left_on > from)).length;
  const leftInYear = year.filter(
    (h) => h.left_on !== null && h.left_on > from && h.left_on <= asOf && (h.status === 'resigned' || h.status === 'deregistered'),
  );
  const reasons = new Map<string, number>();
  for (const h of leftInYear) reasons.set(h.leaving_reason ?? 'other', (reasons.get(h.leaving_reason ?? 'other') ?? 0) + 1);
  const turnover = {
    from,
    approvedAtStart,
    approvedInYear: year.filter((h) => (h.decision_on as string) > from && (h.decision_on as string) <= asOf).length,
    left: leftInYear.length,
    rate: carerTurnoverRate(leftInYear.length, approvedAtStart),
    reasons: [...reasons.entries()]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .map(([reason, households]) => ({ reason, label: LEAVING_REASON[reason as keyof typeof LEAVING_REASON] ?? reason, households })),
  };
  return {
    asOf,
    totals: {
      households: list.length,
      places: sum((s) => (s.status === 'approved' ? (s.places ?? 0) : 0)),
      placed: sum((s) => s.placed),
      free: sum((s) => s.free),
    },
    turnover,
    freeBy: [...freeBy.entries()].map(([key, free]) => {
      const [placementType, ageBand] = key.split('|') as [PlacementTerm, string];
      return { placementType, label: PLACEMENT_TERM[placementType], ageBand, free };
    }),
    households: list.map((l) => ({
      ...l.summary,
      termsText: termsText(termsOf(l.row)),
      children: l.children.map((c) => ({ childId: c.childId, name: c.name })),
    })),
  };
}

/** The households whose terms fit a child (with a free place today), and why the others do not. */
export async function matching(db: Kysely<Database>, user: CurrentUser, childId: string, kind: PlacementTerm | null) {
  const child = await rowByKey(db, user.laCode, 'person', { person_id: childId, is_child: true });
  if (!child?.date_of_birth) throw notFound('child');
  const asOf = todayInEngland();
  const age = ageOn(child.date_of_birth, asOf);
  const list = await summaries(db, user.laCode, asOf, (q) => q.where('h.status', '=', 'approved'));
  const fits = [];
  const notFitting = [];
  for (const l of list) {
    const t = termsOf(l.row);
    const reasons = t ? termsMisfit(t, { age, sex: child.sex }, kind) : ['No terms of approval'];
    if (l.summary.free === 0) reasons.push('No free place today');
    if (reasons.length === 0) fits.push({ ...l.summary, termsText: termsText(t) });
    else notFitting.push({ householdId: l.summary.householdId, name: l.summary.name, reasons });
  }
  return { child: { childId, name: `${child.given_name} ${child.family_name}`, age, sex: child.sex }, placementType: kind, fits, notFitting };
}
