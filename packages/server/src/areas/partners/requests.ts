/**
 * Requests to partners from a child's record: sending, withdrawing, and what the child's page
 * shows of them. A restricted child's record is never opened to a partner.
 */
import { todayInEngland } from '@lantern/core/calendar';
import { agencyOf, type newPartnerRequest, type PartnerType, partnerRequestState, respondByFor, type withdrawRequest } from '@lantern/core/partners';
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { childFor } from '../../kernel/access.ts';
import { audit } from '../../kernel/audit.ts';
import { step } from '../../kernel/ledger.ts';
import { insertNew } from '../../kernel/new-record.ts';
import type { Actor } from '../../kernel/context.ts';
import { findByKey } from '../../kernel/db/by-key.ts';
import type { Database } from '../../kernel/db/schema.ts';
import { conflict, invalid } from '../../kernel/http/problem.ts';
import { DateRules } from '../../kernel/rules.ts';
import { childMeetings } from './contributions.ts';
import { housingView } from './housing.ts';
import { organisationOrThrow, partnerDeadlines } from './register.ts';
import { describeType, type In } from './shared.ts';

// ---------------------------------------------------------------------------
// Requests, from the child's record

export async function sendRequest(db: Kysely<Database>, actor: Actor, childId: string, input: In<typeof newPartnerRequest>) {
  return step(db, actor, childId, async (ledger, child) => {
    const trx = ledger.db;
    const laCode = actor.user.laCode;
    if (child.restricted)
      throw conflict('This child’s record is restricted: Lantern does not open it to partner agencies', [
        { field: 'childId', rule: 'restricted-record', message: 'Contact the partner directly, as the case holder' },
      ]);
    new DateRules().notInFuture('sentOn', input.sentOn).check();
    const org = await organisationOrThrow(trx, laCode, input.organisationId);
    if (input.contactId) {
      const contact = await ledger.row('partner_contact', { contact_id: input.contactId, organisation_id: org.organisation_id });
      if (!contact) throw invalid([{ field: 'contactId', rule: 'contact-of-organisation', message: 'Choose someone at that organisation' }]);
    }
    if (input.conferenceId) {
      const conference = await ledger.row('cp_conference', { conference_id: input.conferenceId, child_id: childId });
      if (!conference) throw invalid([{ field: 'conferenceId', rule: 'exists', message: 'Choose a conference of this child' }]);
    }
    const deadlines = await partnerDeadlines(trx, laCode);
    const latest = respondByFor(input.sentOn, deadlines[input.requestType]);
    const respondBy = input.respondBy ?? latest;
    if (respondBy > latest)
      throw invalid([
        {
          field: 'respondBy',
          rule: 'council-deadline',
          message: `The council’s deadline for ${describeType(input.requestType).toLowerCase()} is ${latest}: ask for an answer by then or sooner`,
        },
      ]);
    new DateRules().notBefore('respondBy', respondBy, input.sentOn, 'the request was sent').check();
    const { request_id: requestId } = await insertNew(
      ledger,
      'partner_request',
      {
        child_id: childId,
        organisation_id: org.organisation_id,
        contact_id: input.contactId ?? null,
        request_type: input.requestType,
        asked: input.asked,
        need_to_know: input.needToKnow,
        sent_on: input.sentOn,
        respond_by: respondBy,
        requested_by: actor.user.userId,
        requested_by_worker_id: actor.user.workerId,
        conference_id: input.conferenceId ?? null,
      },
      { detail: { organisation: org.name, type: input.requestType } },
    );
    ledger.chronicle({
      occurredOn: input.sentOn,
      category: 'partner-request',
      summary: `Request to ${org.name}: ${describeType(input.requestType)} — ${input.asked} (answer due by ${respondBy})`,
      recordType: 'partner-request',
      recordId: requestId,
    });
    return { requestId, respondBy };
  });
}

export async function withdraw(db: Kysely<Database>, actor: Actor, childId: string, requestId: string, input: In<typeof withdrawRequest>) {
  return step(db, actor, childId, async (ledger) => {
    const r = await ledger.find('partner_request', { request_id: requestId, child_id: childId }, 'request', { lock: true });
    if (r.answered_on || r.withdrawn_on)
      throw conflict('The request is closed', [
        { field: 'withdrawnOn', rule: 'request-open', message: r.answered_on ? 'It was answered' : 'It was withdrawn' },
      ]);
    new DateRules().notInFuture('withdrawnOn', input.withdrawnOn).notBefore('withdrawnOn', input.withdrawnOn, r.sent_on, 'the request was sent').check();
    const saved = await ledger.update(
      'partner_request',
      { request_id: requestId },
      { withdrawn_on: input.withdrawnOn, withdrawn_reason: input.reason },
      { fromVersion: input.version, detail: { withdrawn: true } },
    );
    ledger.chronicle({
      occurredOn: input.withdrawnOn,
      category: 'partner-request',
      summary: `Request withdrawn (${describeType(r.request_type)}): ${input.reason}`,
      recordType: 'partner-request',
      recordId: requestId,
    });
    return { requestId, version: saved.version };
  });
}

/** Requests with their organisation, the person asked, the escalation contact and the reports. */
export function requestRows(db: Kysely<Database>, laCode: string) {
  return db
    .selectFrom('partner_request as r')
    .innerJoin('partner_organisation as o', (j) => j.onRef('o.la_code', '=', 'r.la_code').onRef('o.organisation_id', '=', 'r.organisation_id'))
    .leftJoin('partner_contact as c', (j) => j.onRef('c.la_code', '=', 'r.la_code').onRef('c.contact_id', '=', 'r.contact_id'))
    .leftJoin('app_user as u', (j) => j.onRef('u.la_code', '=', 'r.la_code').onRef('u.user_id', '=', 'r.requested_by'))
    .leftJoin('worker as rw', (j) => j.onRef('rw.la_code', '=', 'r.la_code').onRef('rw.worker_id', '=', 'r.requested_by_worker_id'))
    .select([
      'r.request_id',
      'r.child_id',
      'r.organisation_id',
      'o.name as organisation_name',
      'o.partner_type',
      'c.name as contact_name',
      'r.request_type',
      'r.asked',
      'r.need_to_know',
      'r.sent_on',
      'r.respond_by',
      'r.conference_id',
      'r.answered_on',
      'r.answer',
      'r.answered_by_name',
      'r.withdrawn_on',
      'r.withdrawn_reason',
      'r.version',
      sql<string | null>`coalesce(u.display_name, rw.given_name || ' ' || rw.family_name)`.as('requested_by_name'),
      sql<
        string | null
      >`(select e.name from partner_contact e where e.la_code = r.la_code and e.organisation_id = r.organisation_id and e.is_escalation and e.active order by e.name limit 1)`.as(
        'escalation_name',
      ),
    ])
    .where('r.la_code', '=', laCode);
}

type RequestRow = Awaited<ReturnType<ReturnType<typeof requestRows>['execute']>>[number];

async function reportsOf(db: Kysely<Database>, laCode: string, requestIds: string[]) {
  if (requestIds.length === 0) return [];
  return db
    .selectFrom('partner_report')
    .select(['report_id', 'request_id', 'file_name', 'content_type', 'size_bytes', 'uploaded_at'])
    .where('la_code', '=', laCode)
    .where('request_id', 'in', requestIds)
    .orderBy('uploaded_at')
    .execute();
}

export function requestView(r: RequestRow, reports: Awaited<ReturnType<typeof reportsOf>>, asOf: string) {
  const s = partnerRequestState({ respondBy: r.respond_by, answeredOn: r.answered_on, withdrawnOn: r.withdrawn_on }, asOf);
  return {
    requestId: r.request_id,
    childId: r.child_id,
    organisationId: r.organisation_id,
    organisationName: r.organisation_name,
    agency: agencyOf(r.partner_type as PartnerType),
    contactName: r.contact_name,
    requestType: r.request_type,
    typeLabel: describeType(r.request_type),
    asked: r.asked,
    needToKnow: r.need_to_know,
    sentOn: r.sent_on,
    respondBy: r.respond_by,
    conferenceId: r.conference_id,
    state: s.state,
    reminderFrom: s.reminderFrom,
    escalatedOn: s.escalatedOn,
    escalatedTo: s.escalatedOn ? (r.escalation_name ?? null) : null,
    answeredOn: r.answered_on,
    answer: r.answer,
    answeredByName: r.answered_by_name,
    withdrawnOn: r.withdrawn_on,
    withdrawnReason: r.withdrawn_reason,
    requestedBy: r.requested_by_name,
    version: r.version,
    reports: reports
      .filter((p) => p.request_id === r.request_id)
      .map((p) => ({ reportId: p.report_id, fileName: p.file_name, contentType: p.content_type, sizeBytes: p.size_bytes })),
  };
}

/** Everything the council asked of partners about a child, and what partners contributed to its meetings. */
export async function childPartnerWork(db: Kysely<Database>, actor: Actor, childId: string) {
  const laCode = actor.user.laCode;
  await childFor(db, actor.user, childId, 'child:read');
  const asOf = todayInEngland();
  const rows = await requestRows(db, laCode).where('r.child_id', '=', childId).orderBy('r.sent_on', 'desc').execute();
  const reports = await reportsOf(
    db,
    laCode,
    rows.map((r) => r.request_id),
  );
  const meetings = await childMeetings(db, laCode, childId);
  const housing = await db
    .selectFrom('housing_need')
    .selectAll()
    .where('la_code', '=', laCode)
    .where('child_id', '=', childId)
    .orderBy('identified_on', 'desc')
    .execute();
  await audit(db, actor, { action: 'read', recordType: 'partner-work', recordId: childId, childId });
  return {
    requests: rows.map((r) => requestView(r, reports, asOf)),
    meetings,
    housingNeeds: housing.map((h) => housingView(h, asOf)),
  };
}

/** A report's bytes, for someone who may read the child's record. */
export async function staffReport(db: Kysely<Database>, actor: Actor, childId: string, reportId: string) {
  await childFor(db, actor.user, childId, 'child:read');
  const report = await findByKey(db, actor.user.laCode, 'partner_report', { report_id: reportId, child_id: childId }, 'report');
  await audit(db, actor, { action: 'read', recordType: 'partner-report', recordId: reportId, childId });
  return { fileName: report.file_name, contentType: report.content_type, content: Buffer.from(report.content) };
}
