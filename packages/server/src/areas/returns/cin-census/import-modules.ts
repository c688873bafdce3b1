/**
 * The CIN census import's modules of one episode: assessments, child protection plans with their
 * reviews, section 47 enquiries with their initial conferences, and child-in-need plans. Each is
 * matched by its episode (or child) and start date; one already recorded is left as it is, or
 * ended when this return ends what an earlier one left open.
 */
import type { CensusEpisode } from '@lantern/core/returns/cin-census/model';
import { yesNo } from '@lantern/core/returns/cin-census/model';
import { CATEGORY_OF_ABUSE } from '@lantern/core/pathway';
import { randomUUID } from 'node:crypto';
import { type ChildInBatch, date, type Ending, has, IMPORT_REASON } from './import-context.ts';

/** Places the modules of the child's episode `i` (recorded as `episodeId`). */
export function placeModules(b: ChildInBatch, ep: CensusEpisode, i: number, episodeId: string): void {
  const { rows, existing, endings, laCode, actor, skip, audit, chronology } = b;
  const child = b.childId;
  const id = b.laChildId;
  /** A record already held and left open (`key`) that this return ends: ended now, and on the chronology; whether there was one. */
  const endOpen = ({ table, ...ending }: Omit<Ending, 'id'>, key: string, category: string, summary: string, recordType: string): boolean => {
    const open = existing.unfinished.get(key);
    if (!open) return false;
    existing.unfinished.delete(key);
    endings.push({ table, id: open, ...ending });
    chronology(child, ending.on, category, summary, recordType, open);
    return true;
  };
  /**
   * A module's row (`row`) of the return, dated: its start, and its end (authorisation, conference
   * or end) unless before the start; else null, the row skipped saying why. `check` refuses what
   * else a started module may lack (its reason, or null when it has it).
   */
  const dated = (
    row: string,
    module: { what: string; start: string | null; end: string | null; endsEarly: string },
    check: () => string | null = () => null,
  ): { start: string; end: string | null } | null => {
    const start = date(module.start);
    const refused = !start ? `The ${module.what} has no valid start date` : check();
    if (!start || refused) {
      skip(id, row, refused as string);
      return null;
    }
    const end = date(module.end);
    if (end && end < start) {
      skip(id, row, module.endsEarly);
      return null;
    }
    return { start, end };
  };
  /** A child protection conference the return gives the date of: what it does not carry is recorded as not known to have happened. */
  const conference = (kind: 'initial' | 'review', s47Id: string | null, planId: string | null, held: string, outcome: string, summary: string) => {
    const conferenceId = randomUUID();
    rows.cp_conference.push({
      la_code: laCode,
      conference_id: conferenceId,
      episode_id: episodeId,
      child_id: child,
      kind,
      s47_id: s47Id,
      plan_id: planId,
      held_on: held,
      outcome,
      child_met_decider: false,
      parents_met_decider: false,
      created_by: actor.userId,
    });
    audit(child, 'cp-conference', conferenceId);
    chronology(child, held, 'conference', summary, 'cp-conference', conferenceId);
  };
  ep.assessments.forEach((a, j) => {
    const row = `CINdetails ${i + 1} / Assessments ${j + 1}`;
    const dates = dated(row, {
      what: 'assessment',
      start: a.startDate,
      end: a.authorisationDate,
      endsEarly: 'The assessment is authorised before it started',
    });
    if (!dates) return;
    const { start, end: done } = dates;
    const key = `assessment|${episodeId}|${start}`;
    if (existing.starts.has(key)) {
      if (done)
        endOpen(
          { table: 'assessment', on: done, child_id: child, factors: a.factors ?? [] },
          key,
          'assessment',
          'Assessment completed and authorised',
          'assessment',
        );
      return;
    }
    existing.starts.add(key);
    const assessmentId = randomUUID();
    rows.assessment.push({
      la_code: laCode,
      assessment_id: assessmentId,
      episode_id: episodeId,
      child_id: child,
      start_date: start,
      internal_review_date: date(a.internalReviewDate),
      factors: a.factors ?? [],
      completed_on: done,
      authorised_on: done,
      created_by: actor.userId,
    });
    audit(child, 'assessment', assessmentId);
    chronology(child, start, 'assessment', 'Assessment started', 'assessment', assessmentId);
    if (done) chronology(child, done, 'assessment', 'Assessment completed and authorised', 'assessment', assessmentId);
  });

  // Plans first, so an initial conference can name the plan it started.
  const plansByStart = new Map<string, string>();
  ep.cpPlans.forEach((p, j) => {
    const row = `CINdetails ${i + 1} / ChildProtectionPlans ${j + 1}`;
    const dates = dated(row, { what: 'child protection plan', start: p.startDate, end: p.endDate, endsEarly: 'The plan ends before it starts' }, () =>
      !has(CATEGORY_OF_ABUSE, p.initialCategory) || !has(CATEGORY_OF_ABUSE, p.latestCategory)
        ? 'The child protection plan needs valid initial and latest categories of abuse'
        : null,
    );
    if (!dates) return;
    const { start, end } = dates;
    let planId = existing.plans.get(`${child}|${start}`);
    if (
      planId &&
      end &&
      endOpen({ table: 'cp_plan', on: end, child_id: child }, `cp-plan|${child}|${start}`, 'plan', 'Child protection plan ended', 'cp-plan')
    ) {
      if (b.open.cp === start) b.open.cp = null;
    }
    if (!planId) {
      if (!end && b.open.cp) {
        skip(id, row, 'The child already has an open child protection plan');
        return;
      }
      if (!end) b.open.cp = start;
      planId = randomUUID();
      existing.plans.set(`${child}|${start}`, planId);
      rows.cp_plan.push({
        la_code: laCode,
        plan_id: planId,
        episode_id: episodeId,
        child_id: child,
        start_date: start,
        initial_category: p.initialCategory,
        latest_category: p.latestCategory,
        previous_plans: /^\d+$/.test(p.previousPlans ?? '') ? Number(p.previousPlans) : 0,
        end_date: end,
        end_reason: end ? IMPORT_REASON : null,
        created_by: actor.userId,
      });
      audit(child, 'cp-plan', planId);
      chronology(child, start, 'plan', 'Child protection plan started', 'cp-plan', planId);
      if (end) chronology(child, end, 'plan', 'Child protection plan ended', 'cp-plan', planId);
    }
    plansByStart.set(start, planId);
    for (const r of p.reviews ?? []) {
      const held = date(r);
      if (!held) {
        skip(id, row, 'A review with no valid date');
        continue;
      }
      const key = `review|${planId}|${held}`;
      if (existing.starts.has(key)) continue;
      existing.starts.add(key);
      conference('review', null, planId, held, held === end ? 'end-plan' : 'continue-plan', 'Review child protection conference');
    }
  });

  ep.section47s.forEach((s, j) => {
    const row = `CINdetails ${i + 1} / Section47 ${j + 1}`;
    const dates = dated(row, {
      what: 'section 47 enquiry',
      start: s.startDate,
      end: s.icpcDate,
      endsEarly: 'The initial conference is before the enquiry started',
    });
    if (!dates) return;
    const { start, end: icpc } = dates;
    const key = `s47|${episodeId}|${start}`;
    if (existing.starts.has(key)) return;
    existing.starts.add(key);
    const notRequired = yesNo(s.icpcNotRequired) === true;
    // The return does not carry the strategy discussion that started the enquiry; one is
    // recorded on the enquiry's start date, saying so, so the enquiry keeps its place in
    // the pathway (and its conference deadline).
    const strategyId = randomUUID();
    rows.strategy_discussion.push({
      la_code: laCode,
      strategy_id: strategyId,
      episode_id: episodeId,
      child_id: child,
      held_on: start,
      agencies: [],
      decision: 'section-47',
      reasons: `${IMPORT_REASON}: the return does not carry the strategy discussion, so its date is the enquiry's start`,
      created_by: actor.userId,
    });
    const s47Id = randomUUID();
    rows.section47.push({
      la_code: laCode,
      s47_id: s47Id,
      episode_id: episodeId,
      child_id: child,
      strategy_id: strategyId,
      start_date: start,
      completed_on: icpc,
      outcome: icpc ? 'conference' : null,
      icpc_not_required: notRequired,
      icpc_not_required_reason: notRequired ? IMPORT_REASON : null,
      icpc_target_date: date(s.icpcTarget),
      created_by: actor.userId,
    });
    audit(child, 'section-47', s47Id);
    chronology(child, start, 'section-47', 'Section 47 enquiry started', 'section-47', s47Id);
    if (icpc) {
      const planId = plansByStart.get(icpc) ?? null;
      conference('initial', s47Id, planId, icpc, planId ? 'plan' : 'no-plan', 'Initial child protection conference');
    }
  });

  ep.cinPlans.forEach((p, j) => {
    const row = `CINdetails ${i + 1} / CINPlanDates ${j + 1}`;
    const dates = dated(row, { what: 'child in need plan', start: p.startDate, end: p.endDate, endsEarly: 'The plan ends before it starts' });
    if (!dates) return;
    const { start, end } = dates;
    const key = `cin-plan|${child}|${start}`;
    if (existing.starts.has(key)) {
      if (end && endOpen({ table: 'cin_plan', on: end, child_id: child }, key, 'plan', 'Child in need plan ended', 'cin-plan')) {
        if (b.open.cin === start) b.open.cin = null;
      }
      return;
    }
    if (!end && b.open.cin) {
      skip(id, row, 'The child already has an open child in need plan');
      return;
    }
    if (!end) b.open.cin = start;
    existing.starts.add(key);
    const cinPlanId = randomUUID();
    rows.cin_plan.push({
      la_code: laCode,
      cin_plan_id: cinPlanId,
      episode_id: episodeId,
      child_id: child,
      start_date: start,
      end_date: end,
      created_by: actor.userId,
    });
    audit(child, 'cin-plan', cinPlanId);
    chronology(child, start, 'plan', 'Child in need plan started', 'cin-plan', cinPlanId);
    if (end) chronology(child, end, 'plan', 'Child in need plan ended', 'cin-plan', cinPlanId);
  });
}
