/** HTTP for subject access requests (permissions sar:record and sar:release). */
import { extendSarInput, recordSarInput, reviewSarInput, sarMark } from '@lantern/core';
import { childSarsView, type SarView, sarDetailView, sarListView } from '@lantern/core/views/exchange';
import type { FastifyInstance } from 'fastify';
import { type Selectable, sql } from 'kysely';
import { z } from 'zod';
import { audit } from '../../kernel/audit.ts';
import { childFor, childrenInScope, isUuid } from '../../kernel/access.ts';
import type { Actor } from '../../kernel/context.ts';
import { findByKey } from '../../kernel/db/by-key.ts';
import type { SubjectAccessRequestTable } from '../../kernel/db/schema.ts';
import { attachment } from '../../kernel/http/download.ts';
import { routes } from '../../kernel/http/routes.ts';
import { conflict } from '../../kernel/http/problem.ts';
import { extendSar, recordSar, releaseSar, reviewSarMarks } from './sar.ts';
import { sarPdf, sarRecordEntries } from './sar-pdf.ts';

const child = z.object({ childId: z.string() });
const one = child.extend({ sarId: z.string().refine(isUuid, { message: 'No such subject access request' }) });

/** A request as its views show it. */
function viewOf(s: Selectable<SubjectAccessRequestTable>): SarView {
  return {
    sarId: s.sar_id,
    requesterName: s.requester_name,
    requesterRelationship: s.requester_relationship as SarView['requesterRelationship'],
    identitySeen: s.identity_seen,
    receivedOn: s.received_on,
    dueOn: s.due_on,
    extendedOn: s.extended_on,
    extensionReason: s.extension_reason,
    marks: s.marks,
    reviewed: s.reviewed_at !== null,
    releasedOn: s.released_on,
    version: s.version,
  };
}

/** The copy of the record as a PDF: the review copy (marks shown) or the released one (marked text removed). */
export async function sarCopy(db: FastifyInstance['store']['db'], laCode: string, childId: string, sarId: string, mode: 'review' | 'release') {
  const sar = await findByKey(db, laCode, 'subject_access_request', { child_id: childId, sar_id: sarId }, 'subject access request');
  const person = await db.selectFrom('person').selectAll().where('la_code', '=', laCode).where('person_id', '=', childId).executeTakeFirstOrThrow();
  return sarPdf({
    child: { name: `${person.given_name} ${person.family_name}`, dateOfBirth: person.date_of_birth, laChildId: person.la_child_id ?? person.person_id },
    request: { requesterName: sar.requester_name, receivedOn: sar.received_on, dueOn: sar.due_on },
    entries: await sarRecordEntries(db, laCode, childId),
    marks: sar.marks,
    mode,
  });
}

export async function sarRoutes(fastify: FastifyInstance) {
  const route = routes(fastify, ['subject access requests']);
  const db = () => fastify.store.db;
  const base = '/api/children/:childId/subject-access-requests';
  const list = async (actor: Actor, childId: string) => {
    const person = await childFor(db(), actor.user, childId, 'sar:record');
    const rows = await db()
      .selectFrom('subject_access_request')
      .selectAll()
      .where('la_code', '=', actor.user.laCode)
      .where('child_id', '=', childId)
      .orderBy('received_on', 'desc')
      .orderBy('recorded_at', 'desc')
      .execute();
    return { childId, childName: `${person.given_name} ${person.family_name}`, laChildId: person.la_child_id, requests: rows.map(viewOf) };
  };

  route.get(
    '/api/subject-access-requests',
    {
      permission: 'sar:record',
      summary: 'The council’s subject access requests: those not yet answered soonest due first, then those answered, latest first',
      answer: sarListView,
    },
    async (req) => {
      const actor = req.actor();
      const user = actor.user;
      const rows = await db()
        .selectFrom('subject_access_request as s')
        .innerJoin('person as p', (j) => j.onRef('p.la_code', '=', 's.la_code').onRef('p.person_id', '=', 's.child_id'))
        .select(['s.sar_id', 's.child_id', 'p.given_name', 'p.family_name', 'p.la_child_id', 's.requester_name', 's.requester_relationship'])
        .select(['s.received_on', 's.due_on', 's.extended_on', 's.reviewed_at', 's.released_on'])
        .where('s.la_code', '=', user.laCode)
        .where(childrenInScope(user, 'council'))
        .orderBy(sql`s.released_on is not null`)
        .orderBy(sql`case when s.released_on is null then s.due_on end`)
        .orderBy('s.released_on', 'desc')
        .orderBy('s.sar_id')
        .execute();
      await audit(db(), actor, { action: 'read', recordType: 'subject-access-request', detail: { list: 'council', requests: rows.length } });
      return {
        requests: rows.map((r) => ({
          sarId: r.sar_id,
          childId: r.child_id,
          childName: `${r.given_name} ${r.family_name}`,
          laChildId: r.la_child_id,
          requesterName: r.requester_name,
          requesterRelationship: r.requester_relationship as SarView['requesterRelationship'],
          receivedOn: r.received_on,
          dueOn: r.due_on,
          extendedOn: r.extended_on,
          reviewed: r.reviewed_at !== null,
          releasedOn: r.released_on,
        })),
      };
    },
  );

  route.get(
    base,
    {
      permission: 'sar:record',
      audit: { reads: 'subject-access-request' },
      summary: 'The child’s subject access requests: who asked, when, when due, the redaction marks',
      params: child,
      answer: childSarsView,
    },
    (req) => list(req.actor(), req.params.childId),
  );
  route.get(
    `${base}/:sarId`,
    {
      permission: 'sar:record',
      audit: { reads: 'subject-access-request' },
      summary: 'One subject access request, with the child it is about',
      params: one,
      answer: sarDetailView,
    },
    async (req) => {
      const person = await childFor(db(), req.actor().user, req.params.childId, 'sar:record');
      const sar = await findByKey(
        db(),
        person.la_code,
        'subject_access_request',
        { child_id: person.person_id, sar_id: req.params.sarId },
        'subject access request',
      );
      return { ...viewOf(sar), childId: person.person_id, childName: `${person.given_name} ${person.family_name}`, laChildId: person.la_child_id };
    },
  );
  route.post(
    base,
    {
      permission: 'sar:record',
      summary: 'Record a subject access request: who asked, the proof of identity seen, the date received (due one calendar month later)',
      params: child,
      body: recordSarInput,
      created: z.object({ sarId: z.string(), dueOn: z.string(), version: z.number().int() }),
    },
    (req) => recordSar(db(), req.actor(), req.params.childId, req.body),
  );
  route.post(
    `${base}/:sarId/extension`,
    {
      permission: 'sar:record',
      summary: 'Extend the request by two months, with the reason',
      params: one,
      body: extendSarInput,
      answer: z.object({ version: z.number().int(), dueOn: z.string() }),
    },
    (req) => extendSar(db(), req.actor(), req.params.childId, req.params.sarId, req.body),
  );
  route.put(
    `${base}/:sarId/marks`,
    {
      permission: 'sar:release',
      summary: 'Review the redaction marks: the marks as the reviewer leaves them (proposed ones kept or dropped, others added)',
      params: one,
      body: reviewSarInput,
      answer: z.object({ version: z.number().int(), marks: z.array(sarMark) }),
    },
    (req) => reviewSarMarks(db(), req.actor(), req.params.childId, req.params.sarId, req.body),
  );
  route.post(
    `${base}/:sarId/release`,
    {
      permission: 'sar:release',
      summary: 'Release the copy once its marks are reviewed: the request is answered (its deadline met) and the released PDF may be downloaded',
      params: one,
      answer: z.object({ releasedOn: z.string(), version: z.number().int() }),
    },
    async (req) => {
      const row = await releaseSar(db(), req.actor(), req.params.childId, req.params.sarId);
      return { releasedOn: row.released_on as string, version: row.version };
    },
  );
  route.get(
    `${base}/:sarId/copy.pdf`,
    {
      permission: 'sar:release',
      audit: { reads: 'subject-access-request-copy' },
      summary: 'The copy as a PDF: the review copy (marked text highlighted), or once released the released copy (marked text removed)',
      params: one,
      querystring: z.object({ copy: z.enum(['review', 'released']).default('review') }),
    },
    async (req, reply) => {
      const actor = req.actor();
      await childFor(db(), actor.user, req.params.childId, 'sar:release');
      const released = req.query.copy === 'released';
      if (released) {
        const sar = await db()
          .selectFrom('subject_access_request')
          .select('released_on')
          .where('la_code', '=', actor.user.laCode)
          .where('sar_id', '=', req.params.sarId)
          .executeTakeFirst();
        if (sar && !sar.released_on)
          throw conflict('Not released', [{ field: 'copy', rule: 'released', message: 'Release the copy (after reviewing its marks) before downloading it' }]);
      }
      const pdf = await sarCopy(db(), actor.user.laCode, req.params.childId, req.params.sarId, released ? 'release' : 'review');
      const name = released ? 'subject-access-copy.pdf' : 'subject-access-review-copy.pdf';
      return reply.header('content-type', 'application/pdf').header('content-disposition', attachment(name)).send(pdf);
    },
  );
}
