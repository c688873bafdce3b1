/**
 * What the conference and review pages read: each meeting with its record, recommendations and
 * the child's escalations; and the child's voice — when last seen, seen alone, and their latest
 * words — from every record where the child was heard.
 */
import type { PARTICIPATION } from '@lantern/core/looked-after';
import { ATTENDEE_ROLE, CONFERENCE_VIEWS, PARTICIPATION_PLAIN } from '@lantern/core/meetings';
import { CONFERENCE_OUTCOME, VISIT_PURPOSE } from '@lantern/core/pathway';
import { type Kysely, type RawBuilder, sql } from 'kysely';
import { childFor, mayAct } from '../../kernel/access.ts';
import { audit } from '../../kernel/audit.ts';
import { childRecords, ofChild } from '../../kernel/child-records.ts';
import type { Actor } from '../../kernel/context.ts';
import type { Database } from '../../kernel/db/schema.ts';
import { activeContacts, currentWorkers } from '../../kernel/people.ts';
import { escalationsOfChild } from './escalations.ts';

const fullName = (p: { given_name: string | null; family_name: string | null }) => [p.given_name, p.family_name].filter(Boolean).join(' ');

type AttendeeRow = {
  role: keyof typeof ATTENDEE_ROLE;
  name?: string | null;
  agency?: string | null;
  partnerContactId?: string | null;
  invited: boolean;
  attended: boolean;
  sentReport?: boolean;
};

/** A child's conferences and looked-after reviews, each with its record and recommendations. */
export async function childMeetings(db: Kysely<Database>, actor: Actor, childId: string) {
  const child = await childFor(db, actor.user, childId, 'child:read');
  const laCode = actor.user.laCode;
  const [conferences, reviews, records, recommendations, escalations, workers, contacts] = await Promise.all([
    db
      .selectFrom('cp_conference')
      .select(['conference_id', 'kind', 'held_on', 'outcome', 'chair', 'child_words'])
      .where('la_code', '=', laCode)
      .where('child_id', '=', childId)
      .orderBy('held_on', 'desc')
      .execute(),
    db
      .selectFrom('cla_review as r')
      .leftJoin('worker as w', (j) => j.onRef('w.la_code', '=', 'r.la_code').onRef('w.worker_id', '=', 'r.chair_worker_id'))
      .select(['r.review_id', 'r.held_on', 'r.participation', 'r.child_words', 'r.version', 'w.given_name', 'w.family_name'])
      .where(ofChild('r', laCode, childId))
      .orderBy('r.held_on', 'desc')
      .execute(),
    childRecords(db, laCode, 'meeting_record', childId),
    db
      .selectFrom('meeting_recommendation as m')
      .innerJoin('worker as w', (j) => j.onRef('w.la_code', '=', 'm.la_code').onRef('w.worker_id', '=', 'm.owner_worker_id'))
      .leftJoin('obligation as o', (j) =>
        j.onRef('o.la_code', '=', 'm.la_code').onRef('o.source_id', '=', 'm.recommendation_id').on('o.rule_id', '=', 'iro-recommendation'),
      )
      .select([
        'm.recommendation_id',
        'm.meeting_id',
        'm.recommendation',
        'm.owner_worker_id',
        'm.due_on',
        'm.done_on',
        'm.done_note',
        'm.version',
        'o.due_date',
      ])
      .select(sql<string>`w.given_name || ' ' || w.family_name`.as('owner_name'))
      .where(ofChild('m', laCode, childId))
      .orderBy('m.created_at')
      .execute(),
    escalationsOfChild(db, laCode, childId),
    currentWorkers(db, laCode),
    activeContacts(db, laCode),
  ]);
  const recordOf = (meetingId: string) => {
    const r = records.find((x) => x.meeting_id === meetingId);
    if (!r) return null;
    const attendees = (typeof r.attendees === 'string' ? JSON.parse(r.attendees) : r.attendees) as AttendeeRow[];
    return {
      attendees: attendees.map((a) => ({
        ...a,
        name: a.name ?? null,
        agency: a.agency ?? null,
        partnerContactId: a.partnerContactId ?? null,
        sentReport: a.sentReport ?? false,
        roleLabel: ATTENDEE_ROLE[a.role] ?? 'Someone else',
        contactLabel: a.partnerContactId ? (contacts.find((c) => c.contact_id === a.partnerContactId)?.name ?? null) : null,
      })),
      viewsHeard: r.views_heard,
      viewsHeardLabel: r.views_heard ? (CONFERENCE_VIEWS[r.views_heard as keyof typeof CONFERENCE_VIEWS] ?? null) : null,
      childWords: r.child_words,
      decisions: r.decisions,
      decisionsSentOn: r.decisions_sent_on,
      recordWrittenOn: r.record_written_on,
      version: r.version,
    };
  };
  const recsOf = (meetingId: string) =>
    recommendations
      .filter((m) => m.meeting_id === meetingId)
      .map((m) => ({
        recommendationId: m.recommendation_id,
        recommendation: m.recommendation,
        ownerWorkerId: m.owner_worker_id,
        ownerName: m.owner_name,
        dueOn: m.due_on,
        dueDate: m.due_date ?? m.due_on,
        doneOn: m.done_on,
        doneNote: m.done_note,
        version: m.version,
      }));
  await audit(db, actor, { action: 'read', recordType: 'meetings', recordId: childId, childId });
  return {
    childId,
    name: fullName(child),
    canRecord: await mayAct(db, actor.user, childId, 'casework:record'),
    canRaiseEscalation: actor.user.role === 'iro' && (await mayAct(db, actor.user, childId, 'casework:record')),
    meetings: [
      ...conferences.map((c) => ({
        kind: 'conference' as const,
        meetingId: c.conference_id,
        heldOn: c.held_on,
        title: c.kind === 'initial' ? 'Initial child protection conference' : 'Review child protection conference',
        outcomeLabel: CONFERENCE_OUTCOME[c.outcome as keyof typeof CONFERENCE_OUTCOME] ?? null,
        chair: c.chair,
        participation: null,
        participationLabel: null,
        childWords: c.child_words,
        record: recordOf(c.conference_id),
        recommendations: recsOf(c.conference_id),
      })),
      ...reviews.map((r) => ({
        kind: 'review' as const,
        meetingId: r.review_id,
        heldOn: r.held_on,
        title: 'Looked-after review',
        outcomeLabel: null,
        chair: r.given_name ? fullName(r) : null,
        participation: r.participation,
        participationLabel: PARTICIPATION_PLAIN[r.participation as keyof typeof PARTICIPATION] ?? null,
        childWords: r.child_words,
        record: recordOf(r.review_id),
        recommendations: recsOf(r.review_id),
      })),
    ].sort((a, b) => (a.heldOn < b.heldOn ? 1 : a.heldOn > b.heldOn ? -1 : 0)),
    escalations: escalations.map((e) => ({
      escalationId: e.escalation_id,
      raisedOn: e.raised_on,
      raisedByName: e.raised_by_name,
      raisedByWorkerId: e.raised_by_worker_id,
      concern: e.concern,
      stage: e.stage,
      resolvedOn: e.resolved_on,
      resolution: e.resolution,
      version: e.version,
      stages: e.stages,
    })),
    workers: workers.map((w) => ({ workerId: w.worker_id, name: `${w.given_name} ${w.family_name}`, jobRole: w.job_role })),
    partnerContacts: contacts.map((c) => ({ contactId: c.contact_id, label: `${c.name}${c.job_title ? `, ${c.job_title}` : ''} (${c.organisation})` })),
  };
}

/**
 * Every record where the child may have been seen or heard, as (on, kind, id, seen, alone, words,
 * what). Adding a source is one select here.
 */
const VOICE_SOURCES: ((laCode: string, childId: string) => RawBuilder<unknown>)[] = [
  (la, id) =>
    sql`select v.visited_on, 'visit', v.visit_id, v.child_seen, v.seen_alone, v.child_words, v.purpose from visit v where v.la_code = ${la} and v.child_id = ${id}`,
  (la, id) =>
    sql`select c.held_on, 'conference', c.conference_id, null::boolean, null::boolean, c.child_words, c.kind from cp_conference c where c.la_code = ${la} and c.child_id = ${id}`,
  // A review the child came to (PN1–PN4) is a time they were seen.
  (la, id) =>
    sql`select r.held_on, 'review', r.review_id, r.participation in ('PN1', 'PN2', 'PN3', 'PN4'), null::boolean, r.child_words, r.participation from cla_review r where r.la_code = ${la} and r.child_id = ${id}`,
  // The meeting's own record: the child among those who came, and the words heard there.
  (la, id) => sql`
    select coalesce(c.held_on, r.held_on), m.meeting_kind, m.meeting_id,
      case when exists (select 1 from jsonb_array_elements(m.attendees) a where a->>'role' = 'child' and (a->>'attended')::boolean) then true end,
      null::boolean, m.child_words, 'record'
    from meeting_record m
    left join cp_conference c on c.la_code = m.la_code and c.conference_id = m.meeting_id
    left join cla_review r on r.la_code = m.la_code and r.review_id = m.meeting_id
    where m.la_code = ${la} and m.child_id = ${id}`,
];

type Heard = { on: string; kind: string; recordId: string; seen: boolean | null; alone: boolean | null; words: string | null; what: string };

const VISIT_LABEL: Record<string, string> = { ...VISIT_PURPOSE, 'looked-after': 'Looked-after visit' };

function sourceLabel(h: Heard): string {
  if (h.kind === 'visit') return VISIT_LABEL[h.what] ?? 'Visit';
  if (h.kind === 'conference') return h.what === 'review' ? 'Review child protection conference' : 'Child protection conference';
  return 'Looked-after review';
}

/** Where the record of it is read. */
function linkOf(childId: string, h: Heard): string {
  if (h.kind === 'visit') return h.what === 'looked-after' ? `/children/${childId}/looked-after` : `/children/${childId}/casework`;
  return `/children/${childId}/meetings/${h.kind}/${h.recordId}`;
}

/** When the child was last seen, last seen alone, and what they last said, each with where it was recorded. */
export async function childVoice(db: Kysely<Database>, actor: Actor, childId: string) {
  await childFor(db, actor.user, childId, 'child:read');
  const laCode = actor.user.laCode;
  const rows = await sql<{ on_date: string; kind: string; record_id: string; seen: boolean | null; alone: boolean | null; words: string | null; what: string }>`
    select x.* from (${sql.join(
      VOICE_SOURCES.map((s) => s(laCode, childId)),
      sql` union all `,
    )}) as x (on_date, kind, record_id, seen, alone, words, what)
    where x.seen or x.alone or nullif(trim(x.words), '') is not null
    order by x.on_date desc, x.kind`.execute(db);
  const heard: Heard[] = rows.rows.map((r) => ({
    on: r.on_date,
    kind: r.kind,
    recordId: r.record_id,
    seen: r.seen,
    alone: r.alone,
    words: r.words,
    what: r.what,
  }));
  const shown = (h: Heard | undefined) => (h ? { on: h.on, source: sourceLabel(h), link: linkOf(childId, h), words: h.words } : null);
  return {
    lastSeen: shown(heard.find((h) => h.seen)),
    lastSeenAlone: shown(heard.find((h) => h.alone)),
    latestWords: shown(heard.find((h) => h.words?.trim())),
    words: heard.filter((h) => h.words?.trim()).map((h) => shown(h) as NonNullable<ReturnType<typeof shown>>),
  };
}
