/**
 * The partner's own narrow view, and answers to requests (by the partner, or recorded by a worker).
 *
 * A partner user reaches a child only through an open request to their organisation (not
 * answered, not withdrawn), and sees of the child only the name, date of birth and what the
 * request shares.
 */
import { todayInEngland } from '@lantern/core/calendar';
import { checkReportContent, type partnerAnswer } from '@lantern/core/partners';
import type { Kysely } from 'kysely';
import { NO_ID } from '../../kernel/access.ts';
import { audit } from '../../kernel/audit.ts';
import { auditListRead } from '../../kernel/list-audit.ts';
import { change, type Ledger, step } from '../../kernel/ledger.ts';
import { insertNew } from '../../kernel/new-record.ts';
import type { Actor } from '../../kernel/context.ts';
import { rowByKey } from '../../kernel/db/by-key.ts';
import type { Database } from '../../kernel/db/schema.ts';
import { conflict, invalid, notFound, staleVersion } from '../../kernel/http/problem.ts';
import { DateRules } from '../../kernel/rules.ts';
import { requestRows, requestView } from './requests.ts';
import { describeType, type In } from './shared.ts';

// ---------------------------------------------------------------------------
// The partner's own view

/** Open requests to the user's organisation, about children who are not restricted. */
function openRequestsForPartner(db: Kysely<Database>, actor: Actor) {
  const orgId = actor.user.role === 'partner' ? (actor.user.partnerOrganisationId ?? null) : null;
  return requestRows(db, actor.user.laCode)
    .innerJoin('person as p', (j) => j.onRef('p.la_code', '=', 'r.la_code').onRef('p.person_id', '=', 'r.child_id'))
    .select(['p.given_name', 'p.family_name', 'p.date_of_birth', 'p.expected_date_of_birth'])
    .where('r.organisation_id', '=', orgId ?? NO_ID)
    .where('r.answered_on', 'is', null)
    .where('r.withdrawn_on', 'is', null)
    .where('p.restricted', '=', false);
}

type PartnerRow = Awaited<ReturnType<ReturnType<typeof openRequestsForPartner>['execute']>>[number];

/** What a partner sees of a request: the child's name and date of birth, and the request itself. */
function partnerView(r: PartnerRow, asOf: string) {
  const full = requestView(r, [], asOf);
  return {
    requestId: full.requestId,
    child: { name: `${r.given_name} ${r.family_name}`, dateOfBirth: r.date_of_birth ?? r.expected_date_of_birth },
    typeLabel: full.typeLabel,
    requestType: full.requestType,
    asked: full.asked,
    needToKnow: full.needToKnow,
    contactName: full.contactName,
    sentOn: full.sentOn,
    respondBy: full.respondBy,
    state: full.state,
    reminderFrom: full.reminderFrom,
    escalatedTo: full.escalatedTo,
    requestedBy: full.requestedBy,
    version: full.version,
  };
}

export async function partnerInbox(db: Kysely<Database>, actor: Actor) {
  const asOf = todayInEngland();
  const rows = await openRequestsForPartner(db, actor).orderBy('r.respond_by').orderBy('r.sent_on').execute();
  const org = await rowByKey(db, actor.user.laCode, 'partner_organisation', {
    organisation_id: actor.user.partnerOrganisationId ?? NO_ID,
  });
  // A partner seeing a child's name is a read of that child's record, like a search result.
  await auditListRead(
    db,
    actor,
    { name: 'partner-inbox', recordType: 'partner-request', detail: { view: 'partner-inbox' } },
    rows.map((r) => ({ recordId: r.request_id, childId: r.child_id })),
  );
  return { organisationName: org?.name ?? null, asOf, requests: rows.map((r) => partnerView(r, asOf)) };
}

export async function partnerRequest(db: Kysely<Database>, actor: Actor, requestId: string) {
  const row = await openRequestsForPartner(db, actor).where('r.request_id', '=', requestId).executeTakeFirst();
  if (!row) throw notFound('request');
  await audit(db, actor, { action: 'read', recordType: 'partner-request', recordId: requestId, childId: row.child_id });
  return { request: partnerView(row, todayInEngland()) };
}

/**
 * A partner's answer, with an optional report. One transaction, like a step on the case: the
 * answer, the report's bytes, the chronology entry, the audit row and the refreshed deadline.
 */
export async function answerRequest(db: Kysely<Database>, actor: Actor, requestId: string, input: In<typeof partnerAnswer>) {
  const bytes = reportBytes(input);
  return change(db, actor, (ledger) => answer(ledger, actor, requestId, input, bytes, 'partner'));
}

/** A worker records an answer that came by phone or post. */
export async function recordAnswerForPartner(db: Kysely<Database>, actor: Actor, childId: string, requestId: string, input: In<typeof partnerAnswer>) {
  const bytes = reportBytes(input);
  return step(db, actor, childId, async (ledger) => {
    await ledger.find('partner_request', { request_id: requestId, child_id: childId }, 'request');
    return answer(ledger, actor, requestId, input, bytes, 'worker');
  });
}

/** The report sent with an answer, checked to be what it says it is. */
function reportBytes(input: In<typeof partnerAnswer>): Buffer | null {
  if (!input.report) return null;
  const bytes = Buffer.from(input.report.base64, 'base64');
  const problem = checkReportContent(input.report.contentType, bytes);
  if (problem) throw invalid([{ field: 'report.base64', rule: 'report-content', message: problem }]);
  return bytes;
}

async function answer(ledger: Ledger, actor: Actor, requestId: string, input: In<typeof partnerAnswer>, bytes: Buffer | null, by: 'partner' | 'worker') {
  const laCode = actor.user.laCode;
  const trx = ledger.db;
  const base = by === 'partner' ? openRequestsForPartner(trx, actor) : requestRows(trx, laCode);
  const found = await base.where('r.request_id', '=', requestId).executeTakeFirst();
  if (!found) throw notFound('request');
  const r = await ledger.find('partner_request', { request_id: requestId }, 'request', { lock: true });
  if (r.version !== input.version) throw staleVersion(r.version, input.version);
  if (r.answered_on || r.withdrawn_on)
    throw conflict('The request is closed', [{ field: 'answeredOn', rule: 'request-open', message: r.answered_on ? 'It was answered' : 'It was withdrawn' }]);
  new DateRules().notInFuture('answeredOn', input.answeredOn).notBefore('answeredOn', input.answeredOn, r.sent_on, 'the request was sent').check();
  const answeredBy = input.answeredByName ?? (by === 'partner' ? actor.user.displayName : null);
  const answered = await ledger.update(
    'partner_request',
    { request_id: requestId },
    { answered_on: input.answeredOn, answer: input.answer, answered_by: actor.user.userId, answered_by_name: answeredBy },
    { fromVersion: r.version, detail: { answered: true, by } },
  );
  const report =
    input.report && bytes
      ? await insertNew(ledger, 'partner_report', {
          request_id: requestId,
          child_id: r.child_id,
          file_name: input.report.fileName,
          content_type: input.report.contentType,
          size_bytes: bytes.length,
          content: bytes,
          uploaded_by: actor.user.userId,
        })
      : null;
  const reportId = report?.report_id ?? null;
  const late = input.answeredOn > r.respond_by ? ` (due ${r.respond_by}: late)` : '';
  ledger.chronicle({
    childId: r.child_id,
    occurredOn: input.answeredOn,
    category: 'partner-answer',
    summary: `${found.organisation_name} answered${answeredBy ? ` (${answeredBy})` : ''}: ${describeType(r.request_type)}${late} — ${input.answer}${input.report ? ` [report: ${input.report.fileName}]` : ''}`,
    recordType: 'partner-request',
    recordId: requestId,
  });
  return { requestId, version: answered.version, reportId };
}
