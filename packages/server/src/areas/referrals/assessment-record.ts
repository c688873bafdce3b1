/**
 * The child and family assessment as it is written: the child's lived experience and words,
 * worries, what is working well, the family's and partners' views, the analysis and the
 * recommendation. The worker saves drafts (each a version), sends it to their manager with
 * their safety scale; the manager returns it with reasons or authorises it with their own.
 *
 * Both scales are written to the risk assessment (risk_assessment) that the oversight area's
 * risk-scaling view reads, so the gap between them shows there, from one fact.
 */
import { todayInEngland } from '@lantern/core/calendar';
import { ASSESSMENT_FACTOR, ASSESSMENT_OUTCOME } from '@lantern/core/pathway';
import {
  ASSESSMENT_SECTIONS,
  type AssessmentSection,
  type assessmentRecordAuthorisation,
  type assessmentRecordSave,
  type assessmentReturn,
  type assessmentSubmission,
} from '@lantern/core/practice';
import { type Kysely, sql } from 'kysely';
import type { z } from 'zod';
import { keptVersions } from '../../kernel/casework.ts';
import { childFor } from '../../kernel/access.ts';
import { audit } from '../../kernel/audit.ts';
import { ofChild } from '../../kernel/child-records.ts';
import type { Actor } from '../../kernel/context.ts';
import { findByKey } from '../../kernel/db/by-key.ts';
import type { AssessmentRecordTable, Database } from '../../kernel/db/schema.ts';
import { conflict, type FieldError, invalid, staleVersion } from '../../kernel/http/problem.ts';
import { type Ledger, step } from '../../kernel/ledger.ts';
import { authorisableBy, loadAssessment } from './assessments.ts';
import { DateRules } from '../../kernel/rules.ts';
import { insertNew } from '../../kernel/new-record.ts';

type In<T extends z.ZodType> = z.infer<T>;

/** Each section's column. */
const COLUMNS: Record<AssessmentSection, keyof AssessmentRecordTable & string> = {
  livedExperience: 'lived_experience',
  childWords: 'child_words',
  worries: 'worries',
  workingWell: 'working_well',
  parentsViews: 'parents_views',
  partnerViews: 'partner_views',
  analysis: 'analysis',
  recommendation: 'recommendation',
};
const SECTIONS = Object.keys(ASSESSMENT_SECTIONS) as AssessmentSection[];

function mustBeAt(record: { version: number } | undefined, version: number | undefined) {
  if (record && version === undefined) throw staleVersion(record.version, 0);
  if (record && version !== undefined && record.version !== version) throw staleVersion(record.version, version);
}

/** Saves the written assessment (the first save creates it). Not once it is with the manager or authorised. */
export async function saveAssessmentRecord(db: Kysely<Database>, actor: Actor, childId: string, assessmentId: string, input: In<typeof assessmentRecordSave>) {
  return step(db, actor, childId, async (ledger) => {
    const laCode = ledger.laCode;
    const a = await loadAssessment(ledger, childId, assessmentId);
    const record = await ledger.row('assessment_record', { assessment_id: assessmentId });
    mustBeAt(record, input.version);
    if (record && (record.status === 'submitted' || record.status === 'authorised'))
      throw conflict(record.status === 'submitted' ? 'The assessment is with the manager' : 'An authorised assessment cannot be changed', [
        { field: 'version', rule: record.status === 'submitted' ? 'assessment-with-manager' : 'assessment-authorised', message: 'It cannot be changed now' },
      ]);
    if (a.authorised_on)
      throw conflict('An authorised assessment cannot be changed', [
        { field: 'version', rule: 'assessment-authorised', message: `Authorised on ${a.authorised_on}` },
      ]);
    const texts = Object.fromEntries(SECTIONS.filter((s) => input[s] !== undefined).map((s) => [COLUMNS[s], input[s] as string]));
    if (input.factors !== undefined && JSON.stringify(input.factors) !== JSON.stringify(a.factors))
      await ledger.update('assessment', { assessment_id: assessmentId }, { factors: input.factors }, { fromVersion: a.version });
    const row = record
      ? await ledger.update('assessment_record', { assessment_id: assessmentId }, texts, { fromVersion: record.version })
      : await ledger.insert('assessment_record', { la_code: laCode, assessment_id: assessmentId, child_id: childId, ...texts, created_by: actor.user.userId });
    if (!record)
      ledger.chronicle({
        occurredOn: todayOf(),
        category: 'assessment',
        summary: 'The written child and family assessment was started',
        recordType: 'assessment-record',
        recordId: assessmentId,
      });
    return { assessmentId, version: row.version, status: row.status };
  });
}

const todayOf = () => todayInEngland();

/** The worker sends the assessment to their manager with their safety scale, its completion and outcome. */
export async function submitAssessmentRecord(
  db: Kysely<Database>,
  actor: Actor,
  childId: string,
  assessmentId: string,
  input: In<typeof assessmentSubmission>,
) {
  return step(db, actor, childId, async (ledger) => {
    const a = await loadAssessment(ledger, childId, assessmentId);
    const record = await ledger.row('assessment_record', { assessment_id: assessmentId });
    if (!record)
      throw conflict('Write the assessment before sending it', [{ field: 'version', rule: 'assessment-not-written', message: 'Nothing written yet' }]);
    mustBeAt(record, input.version);
    if (record.status !== 'draft' && record.status !== 'returned')
      throw conflict('The assessment has already been sent', [
        { field: 'version', rule: 'already-submitted', message: 'It is with the manager, or authorised' },
      ]);
    const missing: FieldError[] = SECTIONS.filter((s) => !(record[COLUMNS[s]] as string).trim()).map((s) => ({
      field: s,
      rule: 'section-required',
      message: `Write “${ASSESSMENT_SECTIONS[s].toLowerCase()}” before sending the assessment`,
    }));
    if (a.factors.length === 0)
      missing.push({ field: 'factors', rule: 'factors-required', message: 'Choose the assessment factors (or “No factors identified”)' });
    if (missing.length) throw invalid(missing);
    new DateRules().notInFuture('completedOn', input.completedOn).notBefore('completedOn', input.completedOn, a.start_date, 'the assessment started').check();
    await ledger.update('assessment', { assessment_id: assessmentId }, { completed_on: input.completedOn, outcome: input.outcome }, { fromVersion: a.version });
    // The worker's scale goes where the risk-scaling view reads it; a resubmission rescales the same assessment.
    const risk = {
      assessed_on: input.completedOn,
      worries: record.worries,
      strengths: record.working_well,
      next_steps: record.recommendation,
      worker_scale: input.workerScale,
    };
    const riskRow = record.risk_assessment_id
      ? await ledger.update('risk_assessment', { risk_assessment_id: record.risk_assessment_id }, risk)
      : await insertNew(ledger, 'risk_assessment', {
          child_id: childId,
          recorded_by: actor.user.userId,
          ...risk,
        });
    const row = await ledger.update(
      'assessment_record',
      { assessment_id: assessmentId },
      { status: 'submitted', submitted_on: input.completedOn, submitted_by: actor.user.userId, risk_assessment_id: riskRow.risk_assessment_id },
      { fromVersion: record.version },
    );
    ledger.chronicle({
      occurredOn: input.completedOn,
      category: 'assessment',
      summary: `Assessment sent to the manager by ${actor.user.displayName}: safety ${input.workerScale} out of 10; ${ASSESSMENT_OUTCOME[input.outcome]}. Analysis: ${record.analysis} Recommendation: ${record.recommendation}`,
      recordType: 'assessment-record',
      recordId: assessmentId,
    });
    return { assessmentId, version: row.version, status: row.status };
  });
}

async function submittedRecord(ledger: Ledger, assessmentId: string, version: number) {
  const record = await ledger.find('assessment_record', { assessment_id: assessmentId }, 'written assessment');
  mustBeAt(record, version);
  if (record.status !== 'submitted')
    throw conflict('Only an assessment sent to the manager can be returned or authorised', [
      { field: 'version', rule: 'not-submitted', message: 'The worker has not sent it' },
    ]);
  return record;
}

/** The manager returns the assessment to the worker, saying why. The worker sees it on their work list. */
export async function returnAssessmentRecord(db: Kysely<Database>, actor: Actor, childId: string, assessmentId: string, input: In<typeof assessmentReturn>) {
  return step(db, actor, childId, async (ledger) => {
    const a = await loadAssessment(ledger, childId, assessmentId);
    const record = await submittedRecord(ledger, assessmentId, input.version);
    new DateRules().notInFuture('returnedOn', input.returnedOn).notBefore('returnedOn', input.returnedOn, record.submitted_on, 'it was sent').check();
    const row = await ledger.update(
      'assessment_record',
      { assessment_id: assessmentId },
      {
        status: 'returned',
        returned_on: input.returnedOn,
        returned_by: actor.user.userId,
        return_reasons: input.reasons,
        times_returned: record.times_returned + 1,
      },
      { fromVersion: record.version },
    );
    // Back with the worker: no longer complete.
    await ledger.update('assessment', { assessment_id: assessmentId }, { completed_on: null, outcome: null }, { fromVersion: a.version });
    ledger.chronicle({
      occurredOn: input.returnedOn,
      category: 'management-decision',
      summary: `Assessment returned to the worker by ${actor.user.displayName}: ${input.reasons}`,
      recordType: 'assessment-record',
      recordId: assessmentId,
    });
    return { assessmentId, version: row.version, status: row.status };
  });
}

/** The manager authorises the assessment with their own safety scale (beside the worker's, on the risk-scaling view). */
export async function authoriseAssessmentRecord(
  db: Kysely<Database>,
  actor: Actor,
  childId: string,
  assessmentId: string,
  input: In<typeof assessmentRecordAuthorisation>,
) {
  return step(db, actor, childId, async (ledger) => {
    const laCode = ledger.laCode;
    const a = await loadAssessment(ledger, childId, assessmentId);
    const record = await submittedRecord(ledger, assessmentId, input.version);
    if (record.submitted_by === actor.user.userId)
      throw invalid([{ field: 'managerScale', rule: 'second-view', message: 'Another person authorises the assessment: the manager’s view is a second view' }]);
    const due = await authorisableBy(ledger, a, input);
    const risk = await ledger.db
      .selectFrom('risk_assessment')
      .select(['worker_scale', 'risk_assessment_id'])
      .where('la_code', '=', laCode)
      .where('risk_assessment_id', '=', record.risk_assessment_id as string)
      .executeTakeFirstOrThrow();
    await ledger.update(
      'risk_assessment',
      { risk_assessment_id: risk.risk_assessment_id },
      { manager_scale: input.managerScale, manager_view: input.managerView, manager_user_id: actor.user.userId, manager_on: input.authorisedOn },
    );
    await ledger.update(
      'assessment',
      { assessment_id: assessmentId },
      { authorised_on: input.authorisedOn, authorised_by: actor.user.userId, late_reason: input.lateReason ?? null },
      { fromVersion: a.version },
    );
    const row = await ledger.update('assessment_record', { assessment_id: assessmentId }, { status: 'authorised' }, { fromVersion: record.version });
    ledger.chronicle({
      occurredOn: input.authorisedOn,
      category: 'assessment',
      summary: `Assessment authorised by ${actor.user.displayName}: safety ${input.managerScale} out of 10 (the worker said ${risk.worker_scale}). ${input.managerView}${input.lateReason ? ` Late: ${input.lateReason}` : ''}`,
      recordType: 'assessment-record',
      recordId: assessmentId,
    });
    return { assessmentId, version: row.version, status: row.status, due };
  });
}

/** The written assessment as it now is, with the scales from the risk assessment and the factors by name. */
export async function getAssessmentRecord(db: Kysely<Database>, actor: Actor, childId: string, assessmentId: string) {
  const child = await childFor(db, actor.user, childId, 'child:read');
  const laCode = actor.user.laCode;
  const a = await findByKey(db, laCode, 'assessment', { assessment_id: assessmentId, child_id: childId }, 'assessment');
  const r = await db
    .selectFrom('assessment_record as r')
    .leftJoin('risk_assessment as ra', (j) => j.onRef('ra.la_code', '=', 'r.la_code').onRef('ra.risk_assessment_id', '=', 'r.risk_assessment_id'))
    .leftJoin('app_user as sub', (j) => j.onRef('sub.la_code', '=', 'r.la_code').onRef('sub.user_id', '=', 'r.submitted_by'))
    .leftJoin('app_user as ret', (j) => j.onRef('ret.la_code', '=', 'r.la_code').onRef('ret.user_id', '=', 'r.returned_by'))
    .leftJoin('app_user as man', (j) => j.onRef('man.la_code', '=', 'ra.la_code').onRef('man.user_id', '=', 'ra.manager_user_id'))
    .selectAll('r')
    .select([
      'ra.worker_scale',
      'ra.manager_scale',
      'ra.manager_view',
      'sub.display_name as submitted_by_name',
      'ret.display_name as returned_by_name',
      'man.display_name as manager_name',
    ])
    .where('r.la_code', '=', laCode)
    .where('r.assessment_id', '=', assessmentId)
    .executeTakeFirst();
  await audit(db, actor, { action: 'read', recordType: 'assessment-record', recordId: assessmentId, childId });
  return {
    assessmentId,
    childId,
    childName: `${child.given_name} ${child.family_name}`,
    startDate: a.start_date,
    completedOn: a.completed_on,
    outcome: a.outcome,
    authorisedOn: a.authorised_on,
    factors: a.factors.map((code) => ({ code, label: ASSESSMENT_FACTOR[code as keyof typeof ASSESSMENT_FACTOR] ?? code })),
    written: Boolean(r),
    version: r?.version ?? null,
    status: r?.status ?? 'draft',
    sections: Object.fromEntries(SECTIONS.map((s) => [s, r ? (r[COLUMNS[s]] as string) : ''])) as Record<AssessmentSection, string>,
    submittedOn: r?.submitted_on ?? null,
    submittedBy: r?.submitted_by_name ?? null,
    submittedByMe: r?.submitted_by === actor.user.userId,
    returnedOn: r?.returned_on ?? null,
    returnedBy: r?.returned_by_name ?? null,
    returnReasons: r?.return_reasons ?? null,
    timesReturned: r?.times_returned ?? 0,
    workerScale: r?.worker_scale ?? null,
    managerScale: r?.manager_scale ?? null,
    managerView: r?.manager_view ?? null,
    manager: r?.manager_name ?? null,
  };
}

/** Every version of the written assessment: who saved it, when, its state and what changed. */
export async function assessmentRecordVersions(db: Kysely<Database>, actor: Actor, childId: string, assessmentId: string) {
  await childFor(db, actor.user, childId, 'child:read');
  const rows = (await keptVersions(db, actor.user.laCode, 'assessment-record', assessmentId)).filter((v) => v.child_id === childId);
  await audit(db, actor, { action: 'read', recordType: 'assessment-record-history', recordId: assessmentId, childId });
  const parse = (d: unknown) => (typeof d === 'string' ? JSON.parse(d) : d) as Record<string, unknown>;
  return {
    versions: rows.map((r, i) => {
      const data = parse(r.data);
      const prev = i > 0 ? parse(rows[i - 1]?.data) : null;
      const changed = SECTIONS.filter((s) => (prev ? prev[COLUMNS[s]] !== data[COLUMNS[s]] : Boolean(data[COLUMNS[s]])));
      return {
        version: r.version,
        changedAt: new Date(r.changed_at as unknown as string).toISOString(),
        changedBy: r.display_name,
        status: String(data.status),
        returnReasons: (data.return_reasons as string | null) ?? null,
        changedSections: changed.map((s) => ({ section: s, label: ASSESSMENT_SECTIONS[s] })),
        sections: Object.fromEntries(SECTIONS.map((s) => [s, String(data[COLUMNS[s]] ?? '')])),
      };
    }),
  };
}

/** Assessments a manager has returned to the user, for their work list. */
export async function returnedToMe(db: Kysely<Database>, actor: Actor) {
  const rows = await db
    .selectFrom('assessment_record as r')
    .innerJoin('person as p', (j) => j.onRef('p.la_code', '=', 'r.la_code').onRef('p.person_id', '=', 'r.child_id'))
    .leftJoin('app_user as m', (j) => j.onRef('m.la_code', '=', 'r.la_code').onRef('m.user_id', '=', 'r.returned_by'))
    .select(['r.assessment_id', 'r.child_id', 'p.given_name', 'p.family_name', 'r.returned_on', 'r.return_reasons', 'm.display_name as returned_by'])
    .where('r.la_code', '=', actor.user.laCode)
    .where('r.status', '=', 'returned')
    .where('r.submitted_by', '=', actor.user.userId)
    .orderBy('r.returned_on')
    .execute();
  await audit(db, actor, { action: 'read', recordType: 'assessments-returned', detail: { shown: rows.length } });
  return {
    returned: rows.map((r) => ({
      assessmentId: r.assessment_id,
      childId: r.child_id,
      childName: `${r.given_name} ${r.family_name}`,
      returnedOn: r.returned_on as string,
      returnedBy: r.returned_by,
      reasons: r.return_reasons ?? '',
    })),
  };
}

/** The assessments of a child, for the page that lists them (written or not). */
export async function childAssessments(db: Kysely<Database>, actor: Actor, childId: string) {
  await childFor(db, actor.user, childId, 'child:read');
  const rows = await db
    .selectFrom('assessment as a')
    .leftJoin('assessment_record as r', (j) => j.onRef('r.la_code', '=', 'a.la_code').onRef('r.assessment_id', '=', 'a.assessment_id'))
    .select(['a.assessment_id', 'a.start_date', 'a.authorised_on', sql<string | null>`r.status`.as('status')])
    .where(ofChild('a', actor.user.laCode, childId))
    .orderBy('a.start_date', 'desc')
    .execute();
  return {
    assessments: rows.map((r) => ({
      assessmentId: r.assessment_id,
      startDate: r.start_date,
      authorisedOn: r.authorised_on,
      status: r.status ?? 'not-written',
    })),
  };
}
