import { todayInEngland } from '@lantern/core/calendar';
import { AGE_ASSESSMENT, type uascDetails, uascDelayDays, UASC_REFERRAL_ROUTE } from '@lantern/core/care';
import { scopeFor } from '@lantern/core/permissions';
import type { Kysely } from 'kysely';
import { childrenInScope } from '../../kernel/access.ts';
import { auditMany } from '../../kernel/audit.ts';
import { step } from '../../kernel/ledger.ts';
import type { Actor } from '../../kernel/context.ts';
import type { Database } from '../../kernel/db/schema.ts';
import { type FieldError, invalid } from '../../kernel/http/problem.ts';
import { DateRules } from '../../kernel/rules.ts';
import { entry, type In, saveWhole } from './shared.ts';

// ---------------------------------------------------------------------------
// Unaccompanied asylum-seeking children

/** The day the child became looked after for this referral: the first period of care not over by then. */
export function lookedAfterOn(periods: { start_date: string; end_date: string | null }[], referredOn: string): string | null {
  const p = periods.find((x) => x.end_date === null || x.end_date >= referredOn);
  if (!p) return null;
  return p.start_date > referredOn ? p.start_date : referredOn;
}

export async function saveUasc(db: Kysely<Database>, actor: Actor, childId: string, input: In<typeof uascDetails>) {
  return step(db, actor, childId, async (ledger) => {
    const rules = new DateRules()
      .notInFuture('referredOn', input.referredOn)
      .notInFuture('ageAssessedOn', input.ageAssessedOn)
      .notBefore('ageAssessedOn', input.ageAssessedOn, input.referredOn, 'the referral')
      .notInFuture('ntsReferredOn', input.ntsReferredOn)
      .notBefore('ntsReferredOn', input.ntsReferredOn, input.referredOn, 'the referral')
      .notInFuture('ntsTransferredOn', input.ntsTransferredOn)
      .notBefore('ntsTransferredOn', input.ntsTransferredOn, input.ntsReferredOn, 'the referral into the scheme')
      .notInFuture('ceasedOn', input.ceasedOn)
      .notBefore('ceasedOn', input.ceasedOn, input.referredOn, 'the referral');
    rules.check();
    const errors: FieldError[] = [];
    if ((input.ageAssessment === 'child' || input.ageAssessment === 'adult') && !input.ageAssessedOn)
      errors.push({ field: 'ageAssessedOn', rule: 'required-with-ageAssessment', message: 'Say when the age was assessed' });
    if (input.ntsTransferredOn && !input.ntsReferredOn)
      errors.push({
        field: 'ntsReferredOn',
        rule: 'required-with-ntsTransferredOn',
        message: 'Say when the child was referred into the National Transfer Scheme',
      });
    if (errors.length) throw invalid(errors);
    const existing = await ledger.row('uasc_record', { child_id: childId }, { lock: true });
    const values = {
      referred_on: input.referredOn,
      referral_route: input.referralRoute,
      age_assessment: input.ageAssessment,
      age_assessed_on: input.ageAssessedOn ?? null,
      nts_referred_on: input.ntsReferredOn ?? null,
      nts_transferred_on: input.ntsTransferredOn ?? null,
      ceased_on: input.ceasedOn ?? null,
      notes: input.notes ?? null,
    };
    // The audit trail has always called the record 'uasc'.
    const named = { recordType: 'uasc' };
    const saved = await saveWhole(
      ledger,
      'uasc_record',
      { child_id: childId },
      { exists: !!existing, values, version: input.version, sendVersion: 'Send the version of the UASC record you changed', firstIsVersion1: true },
      named,
    );
    const chronology = [];
    if (!existing) {
      chronology.push(
        entry(
          input.referredOn,
          'uasc',
          `Unaccompanied asylum-seeking child: ${UASC_REFERRAL_ROUTE[input.referralRoute].toLowerCase()}; age ${AGE_ASSESSMENT[input.ageAssessment].toLowerCase()}`,
          'uasc',
          childId,
        ),
      );
    } else {
      if (input.ageAssessment !== existing.age_assessment && input.ageAssessedOn)
        chronology.push(entry(input.ageAssessedOn, 'uasc', `Age assessment: ${AGE_ASSESSMENT[input.ageAssessment].toLowerCase()}`, 'uasc', childId));
      if (input.ntsTransferredOn && input.ntsTransferredOn !== existing.nts_transferred_on)
        chronology.push(entry(input.ntsTransferredOn, 'uasc', 'Transferred under the National Transfer Scheme', 'uasc', childId));
      if (input.ceasedOn && input.ceasedOn !== existing.ceased_on) chronology.push(entry(input.ceasedOn, 'uasc', 'UASC status ceased', 'uasc', childId));
    }
    for (const e of chronology) ledger.chronicle(e);
    return { version: saved.version };
  });
}

/** The children with a UASC record, each with the days they waited to be looked after. */
export async function uascList(db: Kysely<Database>, actor: Actor) {
  const user = actor.user;
  const scope = scopeFor(user.role, 'child:read');
  if (!scope) return { children: [], delayed: 0 };
  const asOf = todayInEngland();
  const rows = await db
    .selectFrom('uasc_record as u')
    .innerJoin('person as p', (j) => j.onRef('p.la_code', '=', 'u.la_code').onRef('p.person_id', '=', 'u.child_id'))
    .where(childrenInScope(user, scope))
    .select(['u.child_id', 'p.given_name', 'p.family_name', 'p.la_child_id', 'u.referred_on', 'u.referral_route', 'u.age_assessment', 'u.ceased_on'])
    .select((eb) =>
      eb
        .selectFrom('obligation as o')
        .select('o.met_on')
        .whereRef('o.la_code', '=', 'u.la_code')
        .whereRef('o.child_id', '=', 'u.child_id')
        .where('o.rule_id', '=', 'uasc-looked-after')
        .as('looked_after_on'),
    )
    .orderBy('u.referred_on', 'desc')
    .execute();
  const children = rows.map((r) => {
    const adult = r.age_assessment === 'adult' && !r.looked_after_on;
    const delayDays = adult ? null : uascDelayDays(r.referred_on, r.looked_after_on, asOf);
    return {
      childId: r.child_id,
      name: `${r.given_name ?? ''} ${r.family_name ?? ''}`.trim(),
      laChildId: r.la_child_id,
      referredOn: r.referred_on,
      referralRoute: r.referral_route,
      ageAssessment: r.age_assessment,
      lookedAfterOn: r.looked_after_on,
      ceasedOn: r.ceased_on,
      delayDays,
      waiting: !r.looked_after_on && !adult,
    };
  });
  await auditMany(
    db,
    actor,
    children.map((c) => ({ action: 'search' as const, recordType: 'uasc', recordId: c.childId, childId: c.childId, detail: { list: 'uasc' } })),
  );
  return { children, delayed: children.filter((c) => (c.delayDays ?? 0) > 0).length };
}
