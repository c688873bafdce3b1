import { todayInEngland } from '@lantern/core/calendar';
import { doloInForce } from '@lantern/core/deprivation-of-liberty';
import { entryToPlacedDays, isEet, isSuitableAccommodation, uascDelayDays } from '@lantern/core/care';
import type { Kysely } from 'kysely';
import { childFor, mayAct } from '../../kernel/access.ts';
import { audit } from '../../kernel/audit.ts';
import type { Actor } from '../../kernel/context.ts';
import { rowByKey } from '../../kernel/db/by-key.ts';
import type { Database } from '../../kernel/db/schema.ts';
import { childObligationsUnder } from '../timescales/service.ts';
import { lookedAfterOn } from './uasc.ts';
import { CARE_RULES, carePeriods } from './shared.ts';

// ---------------------------------------------------------------------------
// The child's page

export async function getLookedAfterCare(db: Kysely<Database>, actor: Actor, childId: string) {
  const user = actor.user;
  const laCode = user.laCode;
  const child = await childFor(db, user, childId, 'child:read');
  const seeAdoption = await mayAct(db, user, childId, 'adoption:read');
  const by = (
    t:
      | 'permanence_plan'
      | 'permanence_order'
      | 'health_check'
      | 'health_outcome'
      | 'pep'
      | 'pathway_plan'
      | 'leaver_accommodation'
      | 'pa_visit'
      | 'deprivation_of_liberty_order',
  ) => db.selectFrom(t).selectAll().where('la_code', '=', laCode).where('child_id', '=', childId);
  const [periods, plans, adoptions, orders, prevPerm, uasc, checks, outcomes, peps, leaver, pathway, moves, paVisits, contacts, obligations, pa, dolos] =
    await Promise.all([
      carePeriods(db, laCode, childId),
      by('permanence_plan').orderBy('agreed_on').execute(),
      seeAdoption
        ? db.selectFrom('adoption').selectAll().where('la_code', '=', laCode).where('child_id', '=', childId).orderBy('decision_on').execute()
        : Promise.resolve([]),
      by('permanence_order').orderBy('made_on').execute(),
      db.selectFrom('previous_permanence').selectAll().where('la_code', '=', laCode).where('child_id', '=', childId).execute(),
      rowByKey(db, laCode, 'uasc_record', { child_id: childId }),
      by('health_check').orderBy('done_on', 'desc').execute(),
      by('health_outcome').orderBy('recorded_on', 'desc').execute(),
      by('pep').orderBy('held_on', 'desc').execute(),
      rowByKey(db, laCode, 'care_leaver', { child_id: childId }),
      by('pathway_plan').orderBy('held_on', 'desc').execute(),
      by('leaver_accommodation').orderBy('moved_on', 'desc').execute(),
      by('pa_visit').orderBy('visited_on', 'desc').execute(),
      db.selectFrom('leaver_birthday_contact').selectAll().where('la_code', '=', laCode).where('child_id', '=', childId).orderBy('birthday_age').execute(),
      childObligationsUnder(db, laCode, childId, CARE_RULES),
      db
        .selectFrom('allocation as a')
        .innerJoin('worker as w', (j) => j.onRef('w.la_code', '=', 'a.la_code').onRef('w.worker_id', '=', 'a.worker_id'))
        .select(['a.worker_id', 'w.given_name', 'w.family_name', 'a.start_date'])
        .where('a.la_code', '=', laCode)
        .where('a.child_id', '=', childId)
        .where('a.allocation_role', '=', 'personal-adviser')
        .where('a.end_date', 'is', null)
        .executeTakeFirst(),
      by('deprivation_of_liberty_order').orderBy('made_on', 'desc').execute(),
    ]);
  const [canRecord, canRecordAdoption, canRecordDeprivationOfLiberty] = await Promise.all([
    mayAct(db, user, childId, 'casework:record'),
    mayAct(db, user, childId, 'adoption:record'),
    mayAct(db, user, childId, 'legal:record'),
  ]);
  const asOf = todayInEngland();
  const enteredCareBy = (date: string) => [...periods].reverse().find((p) => p.start_date <= date)?.start_date ?? null;
  const uascLookedAfter = uasc ? lookedAfterOn(periods, uasc.referred_on) : null;
  await audit(db, actor, { action: 'read', recordType: 'looked-after-care', recordId: childId, childId, detail: { adoption: seeAdoption } });
  return {
    childId,
    name: `${child.given_name ?? ''} ${child.family_name ?? ''}`.trim(),
    dateOfBirth: child.date_of_birth,
    canRecord,
    canRecordAdoption,
    canRecordDeprivationOfLiberty,
    periodsOfCare: periods.map((p) => ({
      periodId: p.period_id,
      startDate: p.start_date,
      endDate: p.end_date,
      reasonEnded: p.reason_ended,
      previousPermanence: (() => {
        const pp = prevPerm.find((x) => x.period_id === p.period_id);
        return pp ? { prevPerm: pp.prev_perm, laPerm: pp.la_perm, datePerm: pp.date_perm } : null;
      })(),
    })),
    permanencePlans: plans.map((p) => ({ planId: p.plan_id, planType: p.plan_type, agreedOn: p.agreed_on, endedOn: p.ended_on, notes: p.notes })),
    // Adoption records are open to the team holding the case and the head of service only.
    adoptionHidden: !seeAdoption,
    adoptions: adoptions.map((a) => {
      const entered = a.placed_on ? enteredCareBy(a.placed_on) : null;
      return {
        adoptionId: a.adoption_id,
        version: a.version,
        decisionOn: a.decision_on,
        placementOrderOn: a.placement_order_on,
        matchedOn: a.matched_on,
        adopterCount: a.adopter_count,
        adopterSex: a.adopter_sex,
        adopterLegalStatus: a.adopter_legal_status,
        fosterCarerAdoption: a.foster_carer_adoption,
        movedInOn: a.moved_in_on,
        placedOn: a.placed_on,
        placedCeasedOn: a.placed_ceased_on,
        placedCeasedReason: a.placed_ceased_reason,
        adoptionOrderOn: a.adoption_order_on,
        noLongerOn: a.no_longer_on,
        noLongerReason: a.no_longer_reason,
        enteredCareOn: entered,
        entryToPlacedDays: a.placed_on && entered ? entryToPlacedDays(entered, a.placed_on, a.foster_carer_adoption === true, a.moved_in_on) : null,
      };
    }),
    deprivationOfLiberty: dolos.map((o) => ({
      orderId: o.order_id,
      version: o.version,
      periodId: o.period_id,
      madeOn: o.made_on,
      expiresOn: o.expires_on,
      endedOn: o.ended_on,
      endReason: o.end_reason,
      court: o.court,
      caseNumber: o.case_number,
      authorises: o.authorises,
      reviewOn: o.review_on,
      inForce: doloInForce({ madeOn: o.made_on, endedOn: o.ended_on, expiresOn: o.expires_on }, asOf),
    })),
    permanenceOrders: orders.map((o) => ({
      orderId: o.order_id,
      orderType: o.order_type,
      madeOn: o.made_on,
      madeTo: o.made_to,
      formerFosterCarer: o.former_foster_carer,
    })),
    uasc: uasc
      ? {
          version: uasc.version,
          referredOn: uasc.referred_on,
          referralRoute: uasc.referral_route,
          ageAssessment: uasc.age_assessment,
          ageAssessedOn: uasc.age_assessed_on,
          ntsReferredOn: uasc.nts_referred_on,
          ntsTransferredOn: uasc.nts_transferred_on,
          ceasedOn: uasc.ceased_on,
          notes: uasc.notes,
          lookedAfterOn: uascLookedAfter,
          delayDays: uasc.age_assessment === 'adult' && !uascLookedAfter ? null : uascDelayDays(uasc.referred_on, uascLookedAfter, asOf),
        }
      : null,
    healthChecks: checks.map((c) => ({ checkId: c.check_id, kind: c.kind, doneOn: c.done_on, notes: c.notes })),
    healthOutcomes: outcomes.map((o) => ({
      outcomeId: o.outcome_id,
      recordedOn: o.recorded_on,
      immunisationsUpToDate: o.immunisations_up_to_date,
      sdqScore: o.sdq_score,
      sdqReason: o.sdq_reason,
      substanceMisuse: o.substance_misuse,
      interventionReceived: o.intervention_received,
      interventionOffered: o.intervention_offered,
      convicted: o.convicted,
    })),
    peps: peps.map((p) => ({ pepId: p.pep_id, heldOn: p.held_on, school: p.school, notes: p.notes })),
    careLeaver: leaver
      ? {
          version: leaver.version,
          category: leaver.category,
          eligibleFrom: leaver.eligible_from,
          supportEndedOn: leaver.support_ended_on,
          personalAdviser: pa ? { workerId: pa.worker_id, name: `${pa.given_name} ${pa.family_name}`, since: pa.start_date } : null,
          pathwayPlans: pathway.map((p) => ({ pathwayId: p.pathway_id, kind: p.kind, heldOn: p.held_on })),
          accommodation: moves.map((m) => ({ moveId: m.move_id, movedOn: m.moved_on, accommodation: m.accommodation, suitable: m.suitable })),
          paVisits: paVisits.map((v) => ({ visitId: v.visit_id, visitedOn: v.visited_on, notes: v.notes })),
          birthdayContacts: contacts.map((c) => ({
            birthdayAge: c.birthday_age,
            version: c.version,
            contactOn: c.contact_on,
            inTouch: c.in_touch,
            activity: c.activity,
            accommodation: c.accommodation,
            eet: isEet(c.activity),
            suitable: isSuitableAccommodation(c.accommodation),
          })),
        }
      : null,
    obligations,
  };
}
