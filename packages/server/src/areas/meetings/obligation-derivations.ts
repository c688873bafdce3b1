/**
 * The timescales of conferences and looked-after reviews as the practice record (areas/meetings,
 * migration 0018), kept together so the engine can take them as one block:
 *   review-decisions, review-record   from each looked-after review, met when the record says the
 *                                     decisions were sent / the full record was written (the IRO's)
 *   conference-record                 from each conference, two rows: the decisions and outline plan
 *                                     (the rule's interval) and the full record (20 working days)
 *   iro-recommendation                each recommendation, due on its date or 20 working days after
 *                                     the meeting, owed by its owner, met when marked done
 *   iro-escalation-stage              each stage of an IRO's escalation, owed by the person at it,
 *                                     met when they resolve it or it moves on
 */
import { CONFERENCE_FULL_RECORD_WORKING_DAYS, RECOMMENDATION_DEFAULT_WORKING_DAYS } from '@lantern/core/meetings';
import { effectiveDue, ruleById, type TimescaleSettings } from '@lantern/core/timescales';
import { type RawBuilder, sql } from 'kysely';
import type { DueSql } from '../../kernel/obligations.ts';

type Scope = (alias: string) => RawBuilder<unknown>;

export const MEETING_RULES = ['review-decisions', 'review-record', 'conference-record', 'iro-recommendation', 'iro-escalation-stage'] as const;
export type MeetingRule = (typeof MEETING_RULES)[number];

/** Rules whose rows may carry their own due date (`due_override`), as the looked-after rules do. */
export const MEETING_ROW_DUE_RULES: readonly MeetingRule[] = ['conference-record'];

/** `n` working days after a date column, as a join (day 0 is the date itself). */
const workingDaysAfter = (alias: string, from: RawBuilder<unknown>, n: number) => {
  const a = sql.raw(`${alias}_from`);
  const b = sql.raw(`${alias}_due`);
  return {
    joins: sql`join calendar_day ${a} on ${a}.day = ${from} join calendar_day ${b} on ${b}.is_working_day and ${b}.working_day_number = ${a}.working_day_number + ${sql.lit(n)}`,
    day: sql`${b}.day`,
  };
};

/** A review's written record: from the review, met on the date the record gives. */
const reviewWriting = (scope: Scope, met: RawBuilder<unknown>) => sql`
  select r.child_id, r.review_id, r.period_id, r.held_on, ${met}, null::date, null::text
  from cla_review r
  left join meeting_record m on m.la_code = r.la_code and m.meeting_id = r.review_id
  where ${scope('r')}`;

export const MEETING_DERIVATIONS: Record<MeetingRule, (scope: Scope) => RawBuilder<unknown>> = {
  'review-decisions': (scope) => reviewWriting(scope, sql`m.decisions_sent_on`),
  'review-record': (scope) => reviewWriting(scope, sql`m.record_written_on`),

  // The decisions (counted by the rule, a council setting) and the full record (fixed, with its
  // own due date); the second row's id is derived from the conference's so it is stable. Unwritten
  // when the case closes, the clock ends with it, as the case's other deadlines do.
  'conference-record': (scope) => {
    const full = workingDaysAfter('cr', sql`c.held_on`, CONFERENCE_FULL_RECORD_WORKING_DAYS);
    return sql`
      select c.child_id, c.conference_id, c.episode_id, c.held_on, m.decisions_sent_on,
        case when m.decisions_sent_on is null then e.closure_date end, case when m.decisions_sent_on is null and e.closure_date is not null then 'Case closed' end,
        null::date as due_override
      from cp_conference c
      left join meeting_record m on m.la_code = c.la_code and m.meeting_id = c.conference_id
      left join cin_episode e on e.la_code = c.la_code and e.episode_id = c.episode_id
      where ${scope('c')}
      union all
      select c.child_id, md5(c.conference_id::text || ':full-record')::uuid, c.episode_id, c.held_on, m.record_written_on,
        case when m.record_written_on is null then e.closure_date end, case when m.record_written_on is null and e.closure_date is not null then 'Case closed' end,
        ${full.day}
      from cp_conference c
      left join meeting_record m on m.la_code = c.la_code and m.meeting_id = c.conference_id
      left join cin_episode e on e.la_code = c.la_code and e.episode_id = c.episode_id
      ${full.joins}
      where ${scope('c')}`;
  },

  'iro-recommendation': (scope) => sql`
    select x.child_id, x.recommendation_id, null::uuid, x.held_on, x.done_on, null::date, null::text
    from meeting_recommendation x where ${scope('x')}`,

  'iro-escalation-stage': (scope) => sql`
    select s.child_id, s.stage_id, null::uuid, s.raised_on, s.answered_on, null::date, null::text
    from iro_escalation_stage s where ${scope('s')}`,
};

type Recorded = { joins: RawBuilder<unknown>; due: RawBuilder<unknown>; who: RawBuilder<unknown> };

/**
 * Rules whose owner is on the record (the recommendation's owner, the person at the stage), with
 * the due date each gives. `dueOf` is the engine's counting, passed in to avoid a cycle.
 */
export const MEETING_RECORDED_DUE = (dueOf: (due: ReturnType<typeof effectiveDue>) => DueSql) =>
  ({
    'iro-recommendation': (laCode: string) => {
      const fallback = workingDaysAfter('rec', sql`mr.held_on`, RECOMMENDATION_DEFAULT_WORKING_DAYS);
      return {
        joins: sql`join meeting_recommendation mr on mr.la_code = ${laCode} and mr.recommendation_id = d.source_id
          left join worker mrw on mrw.la_code = mr.la_code and mrw.worker_id = mr.owner_worker_id
          ${fallback.joins}`,
        due: sql`coalesce(mr.due_on, ${fallback.day})`,
        who: sql`mr.owner_worker_id, mrw.team_id`,
      };
    },
    'iro-escalation-stage': (laCode: string, settings: TimescaleSettings) => {
      const due = dueOf(effectiveDue(ruleById('iro-escalation-stage'), settings));
      return {
        joins: sql`join iro_escalation_stage es on es.la_code = ${laCode} and es.stage_id = d.source_id
          left join worker esw on esw.la_code = es.la_code and esw.worker_id = es.owner_worker_id
          ${due.joins}`,
        due: due.expr,
        who: sql`es.owner_worker_id, esw.team_id`,
      };
    },
  }) satisfies Partial<Record<MeetingRule, (laCode: string, settings: TimescaleSettings) => Recorded>>;
