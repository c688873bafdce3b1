/** Families' housing needs: identified, priority agreed, resolved; the head of service's list of those waiting. */
import { todayInEngland } from '@lantern/core/calendar';
import { type housingNeedUpdate, type newHousingNeed, partnerRequestState } from '@lantern/core/partners';
import { scopeFor } from '@lantern/core/permissions';
import type { Kysely, Selectable } from 'kysely';
import { sql } from 'kysely';
import { childrenInScope } from '../../kernel/access.ts';
import { auditListRead } from '../../kernel/list-audit.ts';
import { step } from '../../kernel/ledger.ts';
import type { Actor } from '../../kernel/context.ts';
import type { Database, HousingNeedTable } from '../../kernel/db/schema.ts';
import { invalid } from '../../kernel/http/problem.ts';
import { DateRules } from '../../kernel/rules.ts';
import { insertNew } from '../../kernel/new-record.ts';
import type { In } from './shared.ts';

// ---------------------------------------------------------------------------
// Housing

export function housingView(h: Selectable<HousingNeedTable>, asOf: string) {
  const end = h.resolved_on ?? asOf;
  return {
    housingNeedId: h.housing_need_id,
    identifiedOn: h.identified_on,
    need: h.need,
    requestId: h.request_id,
    priority: h.priority,
    priorityAgreedOn: h.priority_agreed_on,
    resolvedOn: h.resolved_on,
    resolution: h.resolution,
    daysWaiting: Math.max(0, Math.round((Date.parse(end) - Date.parse(h.identified_on)) / 86_400_000)),
    version: h.version,
  };
}

export async function recordHousingNeed(db: Kysely<Database>, actor: Actor, childId: string, input: In<typeof newHousingNeed>) {
  return step(db, actor, childId, async (ledger) => {
    const trx = ledger.db;
    const laCode = actor.user.laCode;
    new DateRules().notInFuture('identifiedOn', input.identifiedOn).check();
    if (input.requestId) {
      const r = await trx
        .selectFrom('partner_request as r')
        .innerJoin('partner_organisation as o', (j) => j.onRef('o.la_code', '=', 'r.la_code').onRef('o.organisation_id', '=', 'r.organisation_id'))
        .select(['o.partner_type'])
        .where('r.la_code', '=', laCode)
        .where('r.request_id', '=', input.requestId)
        .where('r.child_id', '=', childId)
        .executeTakeFirst();
      if (!r) throw invalid([{ field: 'requestId', rule: 'exists', message: 'Choose a request about this child' }]);
      if (r.partner_type !== 'housing') throw invalid([{ field: 'requestId', rule: 'housing-partner', message: 'Choose a request to a housing partner' }]);
    }
    const { housing_need_id: housingNeedId } = await insertNew(ledger, 'housing_need', {
      child_id: childId,
      identified_on: input.identifiedOn,
      need: input.need,
      request_id: input.requestId ?? null,
      created_by: actor.user.userId,
    });
    ledger.chronicle({
      occurredOn: input.identifiedOn,
      category: 'housing',
      summary: `Housing need: ${input.need}`,
      recordType: 'housing-need',
      recordId: housingNeedId,
    });
    return { housingNeedId };
  });
}

export async function updateHousingNeed(db: Kysely<Database>, actor: Actor, childId: string, housingNeedId: string, input: In<typeof housingNeedUpdate>) {
  return step(db, actor, childId, async (ledger) => {
    const h = await ledger.find('housing_need', { housing_need_id: housingNeedId, child_id: childId }, 'housing need', { lock: true });
    const priority = input.priority === undefined ? h.priority : input.priority;
    const agreedOn = input.priorityAgreedOn === undefined ? h.priority_agreed_on : input.priorityAgreedOn;
    const resolvedOn = input.resolvedOn === undefined ? h.resolved_on : input.resolvedOn;
    const errors = [];
    if ((priority === null) !== (agreedOn === null))
      errors.push({
        field: priority ? 'priorityAgreedOn' : 'priority',
        rule: 'priority-with-date',
        message: 'Give the priority and the date it was agreed together',
      });
    if (resolvedOn && !(input.resolution ?? h.resolution))
      errors.push({ field: 'resolution', rule: 'resolution-required', message: 'Say how the need was resolved' });
    if (errors.length) throw invalid(errors);
    new DateRules()
      .notInFuture('priorityAgreedOn', agreedOn)
      .notBefore('priorityAgreedOn', agreedOn, h.identified_on, 'the need was identified')
      .notInFuture('resolvedOn', resolvedOn)
      .notBefore('resolvedOn', resolvedOn, h.identified_on, 'the need was identified')
      .check();
    const saved = await ledger.update(
      'housing_need',
      { housing_need_id: housingNeedId },
      { priority, priority_agreed_on: agreedOn, resolved_on: resolvedOn, resolution: input.resolution ?? h.resolution },
      { fromVersion: input.version },
    );
    if (priority && priority !== h.priority)
      ledger.chronicle({
        occurredOn: agreedOn as string,
        category: 'housing',
        summary: `Housing priority agreed: ${priority}`,
        recordType: 'housing-need',
        recordId: housingNeedId,
      });
    if (resolvedOn && !h.resolved_on)
      ledger.chronicle({
        occurredOn: resolvedOn,
        category: 'housing',
        summary: `Housing need resolved: ${input.resolution ?? h.resolution}`,
        recordType: 'housing-need',
        recordId: housingNeedId,
      });
    return { housingNeedId, version: saved.version };
  });
}

/** The head of service's list: every family waiting for a home, longest wait first. */
export async function housingList(db: Kysely<Database>, actor: Actor) {
  const laCode = actor.user.laCode;
  const asOf = todayInEngland();
  const rows = await db
    .selectFrom('housing_need as h')
    .innerJoin('person as p', (j) => j.onRef('p.la_code', '=', 'h.la_code').onRef('p.person_id', '=', 'h.child_id'))
    .leftJoin('partner_request as r', (j) => j.onRef('r.la_code', '=', 'h.la_code').onRef('r.request_id', '=', 'h.request_id'))
    .leftJoin('partner_organisation as o', (j) => j.onRef('o.la_code', '=', 'r.la_code').onRef('o.organisation_id', '=', 'r.organisation_id'))
    .select([
      'h.housing_need_id',
      'h.child_id',
      'p.la_child_id',
      'p.given_name',
      'p.family_name',
      'h.identified_on',
      'h.need',
      'h.priority',
      'h.priority_agreed_on',
      'o.name as organisation_name',
      'r.sent_on',
      'r.respond_by',
      'r.answered_on',
      'r.withdrawn_on',
      sql<number>`(${asOf}::date - h.identified_on)`.as('days_waiting'),
    ])
    .where('h.la_code', '=', laCode)
    .where('h.resolved_on', 'is', null)
    .where(childrenInScope(actor.user, scopeFor(actor.user.role, 'child:read') ?? 'own'))
    .orderBy('h.identified_on')
    .execute();
  await auditListRead(
    db,
    actor,
    { name: 'housing-list' },
    rows.map((r) => ({ recordId: r.housing_need_id, childId: r.child_id })),
  );
  return {
    asOf,
    families: rows.map((r) => ({
      housingNeedId: r.housing_need_id,
      childId: r.child_id,
      laChildId: r.la_child_id ?? '',
      childName: `${r.given_name} ${r.family_name}`,
      identifiedOn: r.identified_on,
      need: r.need,
      priority: r.priority,
      priorityAgreedOn: r.priority_agreed_on,
      housingPartner: r.organisation_name,
      requestSentOn: r.sent_on,
      requestState: r.respond_by ? partnerRequestState({ respondBy: r.respond_by, answeredOn: r.answered_on, withdrawnOn: r.withdrawn_on }, asOf).state : null,
      daysWaiting: Number(r.days_waiting),
    })),
  };
}
