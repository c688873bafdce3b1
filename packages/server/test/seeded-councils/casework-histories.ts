import { PRIMARY_NEED, REFERRAL_SOURCE } from '@lantern/core/codes';
import { AGENCY, ASSESSMENT_FACTOR, CATEGORY_OF_ABUSE, CLOSURE_REASON } from '@lantern/core/pathway';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { Store } from '../../src/kernel/db/store.ts';
import { AS_OF, LA } from '../helpers/seeded.ts';
import { a, b, broken, CHILDREN } from './councils.ts';

/** seed.test.ts's checks of the seeded children-in-need and protection casework. */
export function describeCaseworkHistories() {
  describe('the children-in-need and child-protection histories', () => {
    it('gives identical casework for the same seed', async () => {
      const casework = async (store: Store) =>
        (
          await sql`select e.episode_id, e.referral_date, e.closure_date, e.closure_reason,
            (select count(*)::int from visit v where v.episode_id = e.episode_id) as visits,
            (select string_agg(a.authorised_on::text, ',' order by a.start_date) from assessment a where a.episode_id = e.episode_id) as authorised
            from cin_episode e where e.la_code = ${LA} order by e.episode_id`.execute(store.db)
        ).rows;
      const first = await casework(a);
      expect(first.length).toBeGreaterThan(CHILDREN * 0.8);
      expect(await casework(b)).toEqual(first);
    });

    it('keeps every date in order and none after the as-of date', async () => {
      const rows = await broken(
        a,
        sql`
        select 'contact decided before received' as rule, contact_id::text as id from contact where decided_on < received_on
        union all select 'contact date not the timestamp''s', contact_id::text from contact where received_at::date <> received_on
        union all select 'referral contact not decided on the referral date', c.contact_id::text from contact c join cin_episode e on e.contact_id = c.contact_id
          where c.decision <> 'referral' or c.decided_on <> e.referral_date or c.episode_id <> e.episode_id
        union all select 'closure before referral', episode_id::text from cin_episode where closure_date < referral_date
        union all select 'assessment out of order', a.assessment_id::text from assessment a join cin_episode e using (episode_id)
          where a.start_date < e.referral_date or a.completed_on < a.start_date or a.authorised_on < a.completed_on
            or a.child_seen_on < a.start_date or a.child_seen_on > coalesce(a.completed_on, ${AS_OF}::date)
            or a.authorised_on > e.closure_date or (e.closure_date is null and false)
        union all select 'assessment outcome without completion', assessment_id::text from assessment where (completed_on is null) <> (outcome is null)
        union all select 'strategy discussion outside the episode', s.strategy_id::text from strategy_discussion s join cin_episode e using (episode_id)
          where s.held_on < e.referral_date or s.held_on > coalesce(e.closure_date, ${AS_OF}::date)
        union all select 'enquiry not started on its discussion', x.s47_id::text from section47 x join strategy_discussion s using (strategy_id)
          where x.start_date <> s.held_on or x.episode_id <> s.episode_id or x.completed_on < x.start_date
        union all select 'initial conference before its enquiry', k.conference_id::text from cp_conference k join section47 x using (s47_id)
          where k.held_on < x.start_date or k.held_on < x.completed_on
        union all select 'plan not started at its initial conference', p.plan_id::text from cp_plan p
          where not exists (select 1 from cp_conference k where k.plan_id = p.plan_id and k.kind = 'initial' and k.outcome = 'plan' and k.held_on = p.start_date)
        union all select 'plan outside its episode', p.plan_id::text from cp_plan p join cin_episode e using (episode_id)
          where p.start_date < e.referral_date or p.end_date < p.start_date or p.end_date > e.closure_date or (e.closure_date is not null and p.end_date is null)
        union all select 'ended plan without an ending review', p.plan_id::text from cp_plan p where p.end_date is not null
          and (p.end_reason is null or p.what_changed is null or p.change_sustained_weeks is null
            or not exists (select 1 from cp_conference k where k.plan_id = p.plan_id and k.kind = 'review' and k.outcome = 'end-plan' and k.held_on = p.end_date))
        union all select 'review or core group outside its plan', k.conference_id::text from cp_conference k join cp_plan p using (plan_id)
          where k.kind = 'review' and (k.held_on <= p.start_date or k.held_on > coalesce(p.end_date, ${AS_OF}::date))
        union all select 'core group outside its plan', g.core_group_id::text from core_group g join cp_plan p using (plan_id)
          where g.held_on <= p.start_date or g.held_on > coalesce(p.end_date, ${AS_OF}::date)
        union all select 'child in need plan outside its episode', p.cin_plan_id::text from cin_plan p join cin_episode e using (episode_id)
          where p.start_date < e.referral_date or p.end_date > e.closure_date or (e.closure_date is not null and p.end_date is null)
        union all select 'review outside its plan', r.review_id::text from cin_plan_review r join cin_plan p using (cin_plan_id)
          where r.held_on <= p.start_date or r.held_on > coalesce(p.end_date, ${AS_OF}::date)
        union all select 'visit outside its episode', v.visit_id::text from visit v join cin_episode e using (episode_id)
          where v.visited_on < e.referral_date or v.visited_on > coalesce(e.closure_date, ${AS_OF}::date)
        union all select 'closure decision not on the closure date', e.episode_id::text from cin_episode e join management_decision d on d.decision_id = e.closure_decision_id
          where d.decided_on <> e.closure_date or d.kind <> 'closure' or d.episode_id <> e.episode_id
        union all select 'in the future', entry_id::text from chronology_entry where occurred_on > ${AS_OF}
        union all select 'contact in the future', contact_id::text from contact where received_on > ${AS_OF} or decided_on > ${AS_OF}
        union all select 'visit in the future', visit_id::text from visit where visited_on > ${AS_OF}
        union all select 'conference in the future', conference_id::text from cp_conference where held_on > ${AS_OF}
        union all select 'assessment in the future', assessment_id::text from assessment where start_date > ${AS_OF} or authorised_on > ${AS_OF}
        limit 20`,
      );
      expect(rows).toEqual([]);
    });

    it('gives a child at most one open episode, never overlapping ones, and a history that matches the counts', async () => {
      const rows = await broken(
        a,
        sql`
        select 'two open episodes' as rule, child_id::text as id from cin_episode where closure_date is null group by child_id having count(*) > 1
        union all select 'overlapping episodes', e.episode_id::text from cin_episode e join cin_episode f on f.child_id = e.child_id and f.episode_id <> e.episode_id
          and f.referral_date >= e.referral_date and f.referral_date <= coalesce(e.closure_date, ${AS_OF}::date) and f.episode_id > e.episode_id
        union all select 'referrals in the previous 12 months miscounted', e.episode_id::text from cin_episode e
          where e.referrals_previous_12_months <> (select count(*) from cin_episode p where p.child_id = e.child_id and p.referral_date < e.referral_date
            and p.referral_date >= (e.referral_date - interval '12 months')::date)
        union all select 'previous episode not the one closed in the last 12 months', e.episode_id::text from cin_episode e
          left join cin_episode p on p.episode_id = e.previous_episode_id
          where (p.episode_id is not null and (p.child_id <> e.child_id or p.closure_date > e.referral_date or p.closure_date < (e.referral_date - interval '12 months')::date))
        union all select 'episode of a care leaver', e.episode_id::text from cin_episode e join person p on p.person_id = e.child_id and p.date_of_birth <= '2008-11-23'
          where e.closure_date is null
        limit 20`,
      );
      expect(rows).toEqual([]);
    });

    it('puts every child on a plan at an initial conference and closes every episode with a manager’s decision', async () => {
      const r = await sql<{ open: number; withoutInitial: number; closed: number; withoutDecision: number; decidedByOthers: number }>`
        select (select count(*) from cp_plan where la_code = ${LA} and end_date is null)::int as open,
          (select count(*) from cp_plan p where p.la_code = ${LA} and p.end_date is null and not exists (
            select 1 from cp_conference k join section47 x using (s47_id) where k.plan_id = p.plan_id and k.kind = 'initial' and x.outcome = 'conference'))::int as "withoutInitial",
          (select count(*) from cin_episode where la_code = ${LA} and closure_date is not null)::int as closed,
          (select count(*) from cin_episode e where e.la_code = ${LA} and e.closure_date is not null and not exists (
            select 1 from management_decision d where d.decision_id = e.closure_decision_id and d.kind = 'closure'))::int as "withoutDecision",
          (select count(*) from management_decision d where d.la_code = ${LA}
            and d.decided_by <> (select user_id from app_user where username = 'tm.demo' and la_code = ${LA}))::int as "decidedByOthers"`.execute(a.db);
      const x = r.rows[0] as { open: number; withoutInitial: number; closed: number; withoutDecision: number; decidedByOthers: number };
      expect(x.open / CHILDREN).toBeGreaterThan(0.03);
      expect(x.open / CHILDREN).toBeLessThan(0.14);
      expect(x.withoutInitial).toBe(0);
      expect(x.closed).toBeGreaterThan(CHILDREN * 0.1);
      expect(x.withoutDecision).toBe(0);
      expect(x.decidedByOthers).toBe(0);

      // A child who was on a plan: the plan ended before the case closed, with what changed.
      const afterPlan = await broken(
        a,
        sql`select e.episode_id::text from cin_episode e join management_decision d on d.decision_id = e.closure_decision_id
          where e.closure_date is not null and exists (select 1 from cp_plan p where p.episode_id = e.episode_id)
            and (d.what_changed is null or d.change_sustained_weeks is null)`,
      );
      expect(afterPlan).toEqual([]);
      // An open episode belongs to a case that has not been closed.
      const orphans = await broken(
        a,
        sql`select e.episode_id::text from cin_episode e where e.closure_date is null
          and exists (select 1 from allocation x where x.child_id = e.child_id and x.end_reason = 'Case closed')`,
      );
      expect(orphans).toEqual([]);
    });

    it('uses only the census code lists, with factor 21 alone and the reasons the rules ask for', async () => {
      const codes = async (query: ReturnType<typeof sql>) => (await query.execute(a.db)).rows.map((r) => (r as { code: string }).code);
      const sources = await codes(sql`select distinct referral_source as code from cin_episode union select distinct source from contact`);
      for (const s of sources) expect(Object.keys(REFERRAL_SOURCE), s).toContain(s);
      for (const n of await codes(sql`select distinct primary_need as code from cin_episode`)) expect(Object.keys(PRIMARY_NEED), n).toContain(n);
      for (const c of await codes(sql`select distinct closure_reason as code from cin_episode where closure_reason is not null`))
        expect(Object.keys(CLOSURE_REASON), c).toContain(c);
      for (const c of await codes(sql`select distinct initial_category as code from cp_plan union select distinct latest_category from cp_plan`))
        expect(Object.keys(CATEGORY_OF_ABUSE), c).toContain(c);
      for (const c of await codes(sql`select distinct unnest(agencies) as code from strategy_discussion`)) expect(Object.keys(AGENCY), c).toContain(c);
      for (const c of await codes(sql`select distinct unnest(factors) as code from assessment`)) expect(Object.keys(ASSESSMENT_FACTOR), c).toContain(c);
      const needs = await codes(sql`select primary_need as code from cin_episode group by 1 order by count(*) desc limit 1`);
      expect(needs).toEqual(['N1']);

      const rows = await broken(
        a,
        sql`
        select 'factor 21 with others' as rule, assessment_id::text as id from assessment where '21' = any(factors) and cardinality(factors) > 1
        union all select 'completed without factors', assessment_id::text from assessment where completed_on is not null and cardinality(factors) = 0
        union all select 'late without a reason', a.assessment_id::text from assessment a join cin_episode e using (episode_id)
          where a.authorised_on is not null and a.late_reason is null
            and a.start_date = (select min(f.start_date) from assessment f where f.episode_id = a.episode_id)
            and (select count(*) from calendar_day c where c.is_working_day and c.day > e.referral_date and c.day <= a.authorised_on) > 45
        union all select 'referral NFA with an assessment', e.episode_id::text from cin_episode e where e.referral_nfa
          and (e.closure_reason <> 'RC8' or exists (select 1 from assessment a where a.episode_id = e.episode_id))
        union all select 'no conference without a reason', s47_id::text from section47 where completed_on is not null and outcome <> 'conference'
          and (not icpc_not_required or icpc_not_required_reason is null)
        union all select 'child seen without their words', visit_id::text from visit where child_seen and child_words is null
        union all select 'alone but not seen', visit_id::text from visit where seen_alone and not child_seen
        union all select 'strategy discussion without police', strategy_id::text from strategy_discussion where not 'police' = any(agencies)
        union all select 'undecided contact with a reason', contact_id::text from contact where decision is null and decision_reason is not null
        union all select 'decided contact without a reason', contact_id::text from contact where decision is not null and decision_reason is null
        limit 20`,
      );
      expect(rows).toEqual([]);
    });

    it('tells the story in the chronology, each step pointing at its record', async () => {
      const r = await sql<{ category: string; n: number }>`select category, count(*)::int as n from chronology_entry where la_code = ${LA} group by 1`.execute(
        a.db,
      );
      const byCategory = Object.fromEntries(r.rows.map((x) => [x.category, x.n]));
      for (const category of ['contact', 'referral', 'assessment', 'strategy-discussion', 'section-47', 'conference', 'plan', 'core-group', 'visit', 'closure'])
        expect(byCategory[category], category).toBeGreaterThan(0);
      const dangling = await broken(
        a,
        sql`select c.entry_id::text, c.record_type from chronology_entry c where c.la_code = ${LA} and c.record_type is not null and c.record_type <> 'allocation'
          and not exists (
            select 1 from contact x where c.record_type = 'contact' and x.contact_id = c.record_id union all
            select 1 from cin_episode x where c.record_type = 'cin-episode' and x.episode_id = c.record_id and x.child_id = c.child_id union all
            select 1 from assessment x where c.record_type = 'assessment' and x.assessment_id = c.record_id union all
            select 1 from strategy_discussion x where c.record_type = 'strategy-discussion' and x.strategy_id = c.record_id union all
            select 1 from section47 x where c.record_type = 'section-47' and x.s47_id = c.record_id union all
            select 1 from cp_conference x where c.record_type = 'cp-conference' and x.conference_id = c.record_id union all
            select 1 from cp_plan x where c.record_type = 'cp-plan' and x.plan_id = c.record_id union all
            select 1 from core_group x where c.record_type = 'core-group' and x.core_group_id = c.record_id union all
            select 1 from cin_plan x where c.record_type = 'cin-plan' and x.cin_plan_id = c.record_id union all
            select 1 from cin_plan_review x where c.record_type = 'cin-plan-review' and x.review_id = c.record_id union all
            select 1 from visit x where c.record_type = 'visit' and x.visit_id = c.record_id union all
            select 1 from management_decision x where c.record_type = 'management-decision' and x.decision_id = c.record_id union all
            select 1 from partner_request x where c.record_type = 'partner-request' and x.request_id = c.record_id and x.child_id = c.child_id union all
            select 1 from assessment_record x where c.record_type = 'assessment-record' and x.assessment_id = c.record_id and x.child_id = c.child_id union all
            select 1 from section47_findings x where c.record_type = 'section47-findings' and x.s47_id = c.record_id and x.child_id = c.child_id union all
            select 1 from plan_document x where c.record_type = 'plan-document' and x.plan_document_id = c.record_id and x.child_id = c.child_id union all
            select 1 from plan_action x where c.record_type = 'plan-action' and x.action_id = c.record_id and x.child_id = c.child_id union all
            select 1 from plan_action_progress x where c.record_type = 'plan-action-progress' and x.progress_id = c.record_id and x.child_id = c.child_id union all
            select 1 from meeting_record x where c.record_type = 'meeting-record' and x.meeting_id = c.record_id and x.child_id = c.child_id union all
            select 1 from meeting_recommendation x where c.record_type = 'meeting-recommendation' and x.recommendation_id = c.record_id and x.child_id = c.child_id union all
            select 1 from iro_escalation x where c.record_type = 'iro-escalation' and x.escalation_id = c.record_id and x.child_id = c.child_id union all
            select 1 from case_team x where c.record_type = 'case-team' and x.routing_id = c.record_id and x.child_id = c.child_id union all
            select 1 from case_transfer x where c.record_type = 'case-transfer' and x.transfer_id = c.record_id and x.child_id = c.child_id union all
            select 1 from legal_planning_meeting x where c.record_type = 'legal-planning-meeting' and x.meeting_id = c.record_id and x.child_id = c.child_id union all
            select 1 from pre_proceedings x where c.record_type = 'pre-proceedings' and x.pre_proceedings_id = c.record_id and x.child_id = c.child_id union all
            select 1 from pre_proceedings_review x where c.record_type = 'pre-proceedings-review' and x.review_id = c.record_id and x.child_id = c.child_id union all
            select 1 from legal_assessment x where c.record_type = 'legal-assessment' and x.assessment_id = c.record_id and x.child_id = c.child_id union all
            select 1 from care_proceedings x where c.record_type = 'care-proceedings' and x.proceedings_id = c.record_id and x.child_id = c.child_id union all
            select 1 from court_hearing x where c.record_type = 'court-hearing' and x.hearing_id = c.record_id and x.child_id = c.child_id union all
            select 1 from proceedings_extension x where c.record_type = 'proceedings-extension' and x.extension_id = c.record_id and x.child_id = c.child_id union all
            select 1 from court_order x where c.record_type = 'court-order' and x.order_id = c.record_id and x.child_id = c.child_id union all
            select 1 from early_help_episode x where c.record_type = 'early-help-episode' and x.early_help_id = c.record_id and x.child_id = c.child_id union all
            select 1 from early_help_review x where c.record_type = 'early-help-review' and x.review_id = c.record_id and x.child_id = c.child_id union all
            select 1 from subject_access_request x where c.record_type = 'subject-access-request' and x.sar_id = c.record_id and x.child_id = c.child_id union all
            select 1 from deprivation_of_liberty_order x where c.record_type = 'deprivation-of-liberty-order' and x.order_id = c.record_id and x.child_id = c.child_id)
        limit 10`,
      );
      expect(dangling).toEqual([]);
      const sample = await a.db.selectFrom('chronology_entry').select('summary').where('category', '=', 'closure').limit(3).execute();
      for (const s of sample) expect(s.summary).toMatch(/^Case closed by the team manager \(RC\d: .+\) — .+/);
    });
  });
}
