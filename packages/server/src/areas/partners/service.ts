/**
 * Partner agencies: the register of organisations and their people, requests from a child's
 * record and their answers (with reports as files), contributions to strategy discussions and
 * conferences, families' housing needs, and the partner user's own narrow view.
 *
 * A partner user reaches a child only through an open request to their organisation (not
 * answered, not withdrawn), and sees of the child only the name, date of birth and what the
 * request shares. Restricted children are never shown to a partner.
 */
import { randomUUID } from 'node:crypto';
import { todayInEngland } from '@lantern/core/calendar';
import {
  agencyOf,
  checkReportContent,
  type housingNeedUpdate,
  type meetingContributions,
  missingAgencies,
  type newHousingNeed,
  type newPartnerContact,
  type newPartnerOrganisation,
  type newPartnerRequest,
  type newPartnerUser,
  PARTNER_REQUEST_TYPE,
  PARTNER_TYPE,
  type PartnerRequestType,
  type PartnerType,
  type partnerAnswer,
  partnerRequestState,
  partnerResponseSetting,
  respondByFor,
  type withdrawRequest,
} from '@lantern/core/partners';
import { AGENCY } from '@lantern/core/pathway';
import { scopeFor } from '@lantern/core/permissions';
import type { Kysely, Selectable } from 'kysely';
import { sql } from 'kysely';
import type { z } from 'zod';
import { childFor, childrenInScope } from '../../kernel/access.ts';
import { audit, auditMany } from '../../kernel/audit.ts';
import { hashPassword } from '../../kernel/auth/passwords.ts';
import { change, type Ledger, step } from '../../kernel/ledger.ts';
import type { Actor } from '../../kernel/context.ts';
import type { Database, HousingNeedTable } from '../../kernel/db/schema.ts';
import { conflict, invalid, notFound, staleVersion } from '../../kernel/http/problem.ts';
import { DateRules } from '../../kernel/rules.ts';
import { putSetting } from '../../kernel/settings.ts';

type In<T extends z.ZodType> = z.infer<T>;
type Due = { unit: 'working-days' | 'days' | 'weeks'; n: number };

// ---------------------------------------------------------------------------
// The register

export async function listOrganisations(db: Kysely<Database>, laCode: string) {
  const [orgs, contacts] = await Promise.all([
    db.selectFrom('partner_organisation').selectAll().where('la_code', '=', laCode).orderBy('partner_type').orderBy('name').execute(),
    db.selectFrom('partner_contact').selectAll().where('la_code', '=', laCode).where('active', '=', true).orderBy('name').execute(),
  ]);
  return orgs.map((o) => ({
    organisationId: o.organisation_id,
    name: o.name,
    partnerType: o.partner_type,
    typeLabel: PARTNER_TYPE[o.partner_type as PartnerType]?.label ?? o.partner_type,
    agency: agencyOf(o.partner_type as PartnerType),
    email: o.email,
    phone: o.phone,
    contacts: contacts
      .filter((c) => c.organisation_id === o.organisation_id)
      .map((c) => ({ contactId: c.contact_id, name: c.name, jobTitle: c.job_title, email: c.email, phone: c.phone, isEscalation: c.is_escalation })),
  }));
}

export async function createOrganisation(db: Kysely<Database>, actor: Actor, input: In<typeof newPartnerOrganisation>) {
  const organisationId = randomUUID();
  await change(db, actor, (ledger) =>
    ledger.insert('partner_organisation', {
      la_code: actor.user.laCode,
      organisation_id: organisationId,
      name: input.name,
      partner_type: input.partnerType,
      email: input.email ?? null,
      phone: input.phone ?? null,
      created_by: actor.user.userId,
    }),
  );
  return { organisationId };
}

async function organisationOrThrow(db: Kysely<Database>, laCode: string, organisationId: string, field = 'organisationId') {
  const org = await db
    .selectFrom('partner_organisation')
    .selectAll()
    .where('la_code', '=', laCode)
    .where('organisation_id', '=', organisationId)
    .executeTakeFirst();
  if (!org) throw invalid([{ field, rule: 'exists', message: 'Choose a partner organisation from the register' }]);
  return org;
}

export async function addContact(db: Kysely<Database>, actor: Actor, organisationId: string, input: In<typeof newPartnerContact>) {
  const org = await db
    .selectFrom('partner_organisation')
    .select('organisation_id')
    .where('la_code', '=', actor.user.laCode)
    .where('organisation_id', '=', organisationId)
    .executeTakeFirst();
  if (!org) throw notFound('partner organisation');
  const contactId = randomUUID();
  await change(db, actor, (ledger) =>
    ledger.insert('partner_contact', {
      la_code: actor.user.laCode,
      contact_id: contactId,
      organisation_id: organisationId,
      name: input.name,
      job_title: input.jobTitle ?? null,
      email: input.email ?? null,
      phone: input.phone ?? null,
      is_escalation: input.isEscalation,
    }),
  );
  return { contactId };
}

/** A sign-in for someone at a partner agency: role partner, tied to their organisation. */
export async function createPartnerUser(db: Kysely<Database>, actor: Actor, organisationId: string, input: In<typeof newPartnerUser>) {
  const org = await db
    .selectFrom('partner_organisation')
    .select(['organisation_id', 'name'])
    .where('la_code', '=', actor.user.laCode)
    .where('organisation_id', '=', organisationId)
    .executeTakeFirst();
  if (!org) throw notFound('partner organisation');
  const taken = await db
    .selectFrom('app_user')
    .select('user_id')
    .where('la_code', '=', actor.user.laCode)
    .where('username', '=', input.username)
    .executeTakeFirst();
  if (taken) throw conflict('That username is taken', [{ field: 'username', rule: 'unique', message: 'Choose another username' }]);
  const userId = randomUUID();
  const passwordHash = await hashPassword(input.password);
  await change(db, actor, (ledger) =>
    ledger.insert(
      'app_user',
      {
        la_code: actor.user.laCode,
        user_id: userId,
        username: input.username,
        display_name: input.displayName,
        role: 'partner',
        worker_id: null,
        partner_organisation_id: organisationId,
        password_hash: passwordHash,
      },
      { recordType: 'user', detail: { role: 'partner', organisation: org.name } },
    ),
  );
  return { userId, username: input.username };
}

// ---------------------------------------------------------------------------
// Deadlines per request type (council settings)

export async function partnerDeadlines(db: Kysely<Database>, laCode: string): Promise<Record<PartnerRequestType, Due>> {
  const rows = await db
    .selectFrom('council_setting')
    .select(['key', 'value'])
    .where('la_code', '=', laCode)
    .where('key', 'like', 'partner-response.%')
    .execute();
  const out = {} as Record<PartnerRequestType, Due>;
  for (const [type, def] of Object.entries(PARTNER_REQUEST_TYPE) as [PartnerRequestType, (typeof PARTNER_REQUEST_TYPE)[PartnerRequestType]][]) {
    const row = rows.find((r) => r.key === partnerResponseSetting(type));
    out[type] = row ? ((typeof row.value === 'string' ? JSON.parse(row.value) : row.value) as Due) : def.due;
  }
  return out;
}

export async function setPartnerDeadline(db: Kysely<Database>, actor: Actor, requestType: PartnerRequestType, due: Due) {
  const key = partnerResponseSetting(requestType);
  await change(db, actor, (ledger) => putSetting(ledger, key, due, { due }));
  // Requests already sent keep the date they gave the partner; new ones take the new deadline.
  return { requestType, due };
}

// ---------------------------------------------------------------------------
// Requests, from the child's record

const describeType = (t: string) => PARTNER_REQUEST_TYPE[t as PartnerRequestType]?.label ?? t;

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
      const contact = await trx
        .selectFrom('partner_contact')
        .select('contact_id')
        .where('la_code', '=', laCode)
        .where('contact_id', '=', input.contactId)
        .where('organisation_id', '=', org.organisation_id)
        .executeTakeFirst();
      if (!contact) throw invalid([{ field: 'contactId', rule: 'contact-of-organisation', message: 'Choose someone at that organisation' }]);
    }
    if (input.conferenceId) {
      const conference = await trx
        .selectFrom('cp_conference')
        .select('conference_id')
        .where('la_code', '=', laCode)
        .where('conference_id', '=', input.conferenceId)
        .where('child_id', '=', childId)
        .executeTakeFirst();
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
    const requestId = randomUUID();
    await ledger.insert(
      'partner_request',
      {
        la_code: laCode,
        request_id: requestId,
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
    const trx = ledger.db;
    const r = await trx
      .selectFrom('partner_request')
      .selectAll()
      .where('la_code', '=', actor.user.laCode)
      .where('request_id', '=', requestId)
      .where('child_id', '=', childId)
      .forUpdate()
      .executeTakeFirst();
    if (!r) throw notFound('request');
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
function requestRows(db: Kysely<Database>, laCode: string) {
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

function requestView(r: RequestRow, reports: Awaited<ReturnType<typeof reportsOf>>, asOf: string) {
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
  const report = await db
    .selectFrom('partner_report')
    .selectAll()
    .where('la_code', '=', actor.user.laCode)
    .where('report_id', '=', reportId)
    .where('child_id', '=', childId)
    .executeTakeFirst();
  if (!report) throw notFound('report');
  await audit(db, actor, { action: 'read', recordType: 'partner-report', recordId: reportId, childId });
  return { fileName: report.file_name, contentType: report.content_type, content: Buffer.from(report.content) };
}

// ---------------------------------------------------------------------------
// The partner's own view

/** Open requests to the user's organisation, about children who are not restricted. */
function openRequestsForPartner(db: Kysely<Database>, actor: Actor) {
  const orgId = actor.user.role === 'partner' ? (actor.user.partnerOrganisationId ?? null) : null;
  return requestRows(db, actor.user.laCode)
    .innerJoin('person as p', (j) => j.onRef('p.la_code', '=', 'r.la_code').onRef('p.person_id', '=', 'r.child_id'))
    .select(['p.given_name', 'p.family_name', 'p.date_of_birth', 'p.expected_date_of_birth'])
    .where('r.organisation_id', '=', orgId ?? '00000000-0000-0000-0000-000000000000')
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
  const org = await db
    .selectFrom('partner_organisation')
    .select('name')
    .where('la_code', '=', actor.user.laCode)
    .where('organisation_id', '=', actor.user.partnerOrganisationId ?? '00000000-0000-0000-0000-000000000000')
    .executeTakeFirst();
  // A partner seeing a child's name is a read of that child's record, like a search result.
  await auditMany(
    db,
    actor,
    rows.length
      ? rows.map((r) => ({
          action: 'read' as const,
          recordType: 'partner-request',
          recordId: r.request_id,
          childId: r.child_id,
          detail: { view: 'partner-inbox' },
        }))
      : [{ action: 'read', recordType: 'partner-inbox', detail: { shown: 0 } }],
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
    const r = await ledger.db
      .selectFrom('partner_request')
      .select('child_id')
      .where('la_code', '=', actor.user.laCode)
      .where('request_id', '=', requestId)
      .executeTakeFirst();
    if (!r || r.child_id !== childId) throw notFound('request');
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
  const r = await trx
    .selectFrom('partner_request')
    .selectAll()
    .where('la_code', '=', laCode)
    .where('request_id', '=', requestId)
    .forUpdate()
    .executeTakeFirstOrThrow();
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
  let reportId: string | null = null;
  if (input.report && bytes) {
    reportId = randomUUID();
    await ledger.insert('partner_report', {
      la_code: laCode,
      report_id: reportId,
      request_id: requestId,
      child_id: r.child_id,
      file_name: input.report.fileName,
      content_type: input.report.contentType,
      size_bytes: bytes.length,
      content: bytes,
      uploaded_by: actor.user.userId,
    });
  }
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

// ---------------------------------------------------------------------------
// Contributions to strategy discussions and conferences

async function childMeetings(db: Kysely<Database>, laCode: string, childId: string) {
  const [discussions, conferences, contributions] = await Promise.all([
    db.selectFrom('strategy_discussion').select(['strategy_id', 'held_on', 'agencies']).where('la_code', '=', laCode).where('child_id', '=', childId).execute(),
    db.selectFrom('cp_conference').select(['conference_id', 'held_on', 'kind']).where('la_code', '=', laCode).where('child_id', '=', childId).execute(),
    db
      .selectFrom('meeting_contribution as m')
      .innerJoin('partner_organisation as o', (j) => j.onRef('o.la_code', '=', 'm.la_code').onRef('o.organisation_id', '=', 'm.organisation_id'))
      .select(['m.meeting_kind', 'm.meeting_id', 'm.organisation_id', 'o.name', 'o.partner_type', 'm.invited', 'm.attended', 'm.report_sent_on', 'm.notes'])
      .where('m.la_code', '=', laCode)
      .where('m.child_id', '=', childId)
      .orderBy('o.name')
      .execute(),
  ]);
  const of = (kind: string, id: string) =>
    contributions
      .filter((c) => c.meeting_kind === kind && c.meeting_id === id)
      .map((c) => ({
        organisationId: c.organisation_id,
        organisationName: c.name,
        agency: agencyOf(c.partner_type as PartnerType),
        invited: c.invited,
        attended: c.attended,
        reportSentOn: c.report_sent_on,
        notes: c.notes,
      }));
  const meetings = [
    ...discussions.map((d) => {
      const contributions = of('strategy-discussion', d.strategy_id);
      const present = [...d.agencies, ...contributions.filter((c) => c.attended).map((c) => c.agency)];
      return {
        meetingKind: 'strategy-discussion' as const,
        meetingId: d.strategy_id,
        heldOn: d.held_on,
        label: 'Strategy discussion',
        contributions,
        missingAgencies: missingAgencies(present).map((a) => AGENCY[a as keyof typeof AGENCY]),
      };
    }),
    ...conferences.map((c) => {
      const contributions = of('conference', c.conference_id);
      const present = contributions.filter((x) => x.attended).map((x) => x.agency);
      return {
        meetingKind: 'conference' as const,
        meetingId: c.conference_id,
        heldOn: c.held_on,
        label: c.kind === 'initial' ? 'Initial child protection conference' : 'Review child protection conference',
        contributions,
        missingAgencies: missingAgencies(present).map((a) => AGENCY[a as keyof typeof AGENCY]),
      };
    }),
  ];
  return meetings.sort((a, b) => b.heldOn.localeCompare(a.heldOn));
}

export async function recordContributions(
  db: Kysely<Database>,
  actor: Actor,
  childId: string,
  meetingKind: 'strategy-discussion' | 'conference',
  meetingId: string,
  input: In<typeof meetingContributions>,
) {
  return step(db, actor, childId, async (ledger) => {
    const trx = ledger.db;
    const laCode = actor.user.laCode;
    const meeting =
      meetingKind === 'conference'
        ? await trx
            .selectFrom('cp_conference')
            .select(['held_on'])
            .where('la_code', '=', laCode)
            .where('conference_id', '=', meetingId)
            .where('child_id', '=', childId)
            .executeTakeFirst()
        : await trx
            .selectFrom('strategy_discussion')
            .select(['held_on'])
            .where('la_code', '=', laCode)
            .where('strategy_id', '=', meetingId)
            .where('child_id', '=', childId)
            .executeTakeFirst();
    if (!meeting) throw notFound(meetingKind === 'conference' ? 'conference' : 'strategy discussion');
    const ids = input.contributions.map((c) => c.organisationId);
    if (new Set(ids).size !== ids.length) throw invalid([{ field: 'contributions', rule: 'unique-organisation', message: 'Name each organisation once' }]);
    const orgs = await trx
      .selectFrom('partner_organisation')
      .select(['organisation_id', 'name'])
      .where('la_code', '=', laCode)
      .where('organisation_id', 'in', ids)
      .execute();
    const errors = input.contributions.flatMap((c, i) => {
      const out = [];
      if (!orgs.some((o) => o.organisation_id === c.organisationId))
        out.push({ field: `contributions.${i}.organisationId`, rule: 'exists', message: 'Choose a partner organisation from the register' });
      if (c.attended && !c.invited)
        out.push({ field: `contributions.${i}.invited`, rule: 'attended-means-invited', message: 'Someone who attended was invited' });
      return out;
    });
    if (errors.length) throw invalid(errors);
    // One contribution per organisation and meeting: recorded again, it is changed in place.
    const recorded = await trx
      .selectFrom('meeting_contribution')
      .select(['contribution_id', 'organisation_id'])
      .where('la_code', '=', laCode)
      .where('meeting_kind', '=', meetingKind)
      .where('meeting_id', '=', meetingId)
      .forUpdate()
      .execute();
    const detail = { meetingKind, meetingId };
    for (const c of input.contributions) {
      const values = {
        invited: c.invited,
        attended: c.attended,
        report_sent_on: c.reportSentOn ?? null,
        notes: c.notes ?? null,
        recorded_by: actor.user.userId,
      };
      const before = recorded.find((r) => r.organisation_id === c.organisationId);
      if (before) await ledger.update('meeting_contribution', { contribution_id: before.contribution_id }, { ...values, recorded_at: new Date() }, { detail });
      else
        await ledger.insert(
          'meeting_contribution',
          {
            la_code: laCode,
            contribution_id: randomUUID(),
            child_id: childId,
            meeting_kind: meetingKind,
            meeting_id: meetingId,
            organisation_id: c.organisationId,
            ...values,
          },
          { detail },
        );
    }
    const name = (id: string) => orgs.find((o) => o.organisation_id === id)?.name ?? id;
    const attended = input.contributions.filter((c) => c.attended).map((c) => name(c.organisationId));
    const absent = input.contributions.filter((c) => c.invited && !c.attended).map((c) => name(c.organisationId));
    const reports = input.contributions.filter((c) => c.reportSentOn).map((c) => name(c.organisationId));
    ledger.chronicle({
      occurredOn: meeting.held_on,
      category: 'partner-contribution',
      summary: `Partners at the ${meetingKind === 'conference' ? 'conference' : 'strategy discussion'}: attended ${attended.join(', ') || 'none'}${absent.length ? `; invited, did not attend: ${absent.join(', ')}` : ''}${reports.length ? `; reports from ${reports.join(', ')}` : ''}`,
      recordType: meetingKind,
      recordId: meetingId,
    });
    return { meetingId, recorded: input.contributions.length };
  });
}

// ---------------------------------------------------------------------------
// Housing

function housingView(h: Selectable<HousingNeedTable>, asOf: string) {
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
    const housingNeedId = randomUUID();
    await ledger.insert('housing_need', {
      la_code: laCode,
      housing_need_id: housingNeedId,
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
    const trx = ledger.db;
    const laCode = actor.user.laCode;
    const h = await trx
      .selectFrom('housing_need')
      .selectAll()
      .where('la_code', '=', laCode)
      .where('housing_need_id', '=', housingNeedId)
      .where('child_id', '=', childId)
      .forUpdate()
      .executeTakeFirst();
    if (!h) throw notFound('housing need');
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
  await auditMany(
    db,
    actor,
    rows.length
      ? rows.map((r) => ({ action: 'read' as const, recordType: 'housing-list', recordId: r.housing_need_id, childId: r.child_id }))
      : [{ action: 'read', recordType: 'housing-list', detail: { shown: 0 } }],
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
