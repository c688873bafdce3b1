/**
 * Child protection: strategy discussions, section 47 enquiries, initial and review conferences,
 * protection plans and core groups.
 */
import {
  AGENCY,
  CATEGORY_OF_ABUSE,
  EXPECTED_AGENCIES,
  type newConference,
  type newCoreGroup,
  type newSection47,
  type newStrategyDiscussion,
  S47_OUTCOME,
  type section47Outcome,
} from '@lantern/core/pathway';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { openEpisode, openSpan } from '../../kernel/casework.ts';
import { childRecords } from '../../kernel/child-records.ts';
import type { Actor } from '../../kernel/context.ts';
import type { Database } from '../../kernel/db/schema.ts';
import { conflict, invalid } from '../../kernel/http/problem.ts';
import { type Chronicle, step } from '../../kernel/ledger.ts';
import { DateRules } from '../../kernel/rules.ts';
import { insertNew } from '../../kernel/new-record.ts';

type In<T extends z.ZodType> = z.infer<T>;

/** The child's current protection plan, if any (at most one is open). */
export function currentProtectionPlan(trx: Kysely<Database>, laCode: string, childId: string) {
  return openSpan(trx, 'cp_plan', laCode, childId).forUpdate().executeTakeFirst();
}

export async function recordStrategyDiscussion(db: Kysely<Database>, actor: Actor, childId: string, input: In<typeof newStrategyDiscussion>) {
  return step(db, actor, childId, async (ledger) => {
    const episode = await openEpisode(ledger.db, actor.user.laCode, childId);
    new DateRules().notInFuture('heldOn', input.heldOn).notBefore('heldOn', input.heldOn, episode.referral_date, 'the referral').check();
    const { strategy_id: strategyId } = await insertNew(ledger, 'strategy_discussion', {
      episode_id: episode.episode_id,
      child_id: childId,
      held_on: input.heldOn,
      agencies: input.agencies,
      decision: input.decision,
      reasons: input.reasons,
      created_by: actor.user.userId,
    });
    const missing = EXPECTED_AGENCIES.filter((a) => !input.agencies.includes(a)).map((a) => AGENCY[a]);
    const decided = input.decision === 'section-47' ? 'section 47 enquiry to start' : 'no section 47 enquiry';
    ledger.chronicle({
      occurredOn: input.heldOn,
      category: 'strategy-discussion',
      summary: `Strategy discussion (${input.agencies.map((a) => AGENCY[a]).join(', ')}): ${decided}${missing.length ? `. Not present: ${missing.join(', ')}` : ''}`,
      recordType: 'strategy-discussion',
      recordId: strategyId,
    });
    return { strategyId, missingAgencies: missing };
  });
}

export async function startSection47(db: Kysely<Database>, actor: Actor, childId: string, input: In<typeof newSection47>) {
  return step(db, actor, childId, async (ledger) => {
    const laCode = actor.user.laCode;
    const trx = ledger.db;
    const episode = await openEpisode(trx, laCode, childId);
    const discussion = await ledger.row('strategy_discussion', { strategy_id: input.strategyId, episode_id: episode.episode_id });
    if (!discussion) throw invalid([{ field: 'strategyId', rule: 'exists', message: 'Choose a strategy discussion on this episode' }]);
    if (discussion.decision !== 'section-47')
      throw invalid([{ field: 'strategyId', rule: 'discussion-decided-section-47', message: 'That strategy discussion decided against a section 47 enquiry' }]);
    if (await ledger.row('section47', { strategy_id: input.strategyId }))
      throw conflict('That strategy discussion already started an enquiry', [
        { field: 'strategyId', rule: 'enquiry-exists', message: 'Record against the existing enquiry' },
      ]);
    new DateRules().notInFuture('startDate', input.startDate).notBefore('startDate', input.startDate, discussion.held_on, 'the strategy discussion').check();
    const { s47_id: s47Id } = await insertNew(
      ledger,
      'section47',
      { episode_id: episode.episode_id, child_id: childId, strategy_id: input.strategyId, start_date: input.startDate, created_by: actor.user.userId },
      { recordType: 'section-47' },
    );
    ledger.chronicle({ occurredOn: input.startDate, category: 'section-47', summary: 'Section 47 enquiry started', recordType: 'section-47', recordId: s47Id });
    return { s47Id };
  });
}

export async function recordSection47Outcome(db: Kysely<Database>, actor: Actor, childId: string, s47Id: string, input: In<typeof section47Outcome>) {
  return step(db, actor, childId, async (ledger) => {
    const s = await ledger.find('section47', { s47_id: s47Id, child_id: childId }, 'section 47 enquiry', { lock: true });
    if (s.outcome)
      throw conflict(`The enquiry’s outcome was recorded on ${s.completed_on}`, [
        { field: 'outcome', rule: 'outcome-recorded', message: 'The enquiry has an outcome' },
      ]);
    new DateRules().notInFuture('completedOn', input.completedOn).notBefore('completedOn', input.completedOn, s.start_date, 'the enquiry started').check();
    const notRequired = input.outcome !== 'conference';
    await ledger.update(
      'section47',
      { s47_id: s47Id },
      {
        completed_on: input.completedOn,
        outcome: input.outcome,
        icpc_not_required: notRequired,
        icpc_not_required_reason: notRequired ? (input.icpcNotRequiredReason ?? null) : null,
      },
      { fromVersion: s.version, recordType: 'section-47', detail: { outcome: input.outcome } },
    );
    ledger.chronicle({
      occurredOn: input.completedOn,
      category: 'section-47',
      summary: `Section 47 enquiry completed: ${S47_OUTCOME[input.outcome]}${notRequired ? ` — ${input.icpcNotRequiredReason}` : ''}`,
      recordType: 'section-47',
      recordId: s47Id,
    });
    return { s47Id };
  });
}

/**
 * A conference. An initial conference deciding on a plan starts the protection plan; a review
 * continues it or ends it (stepping down records what has changed and for how long it has held).
 */
export async function recordConference(db: Kysely<Database>, actor: Actor, childId: string, input: In<typeof newConference>) {
  return step(db, actor, childId, async (ledger) => {
    const laCode = actor.user.laCode;
    const trx = ledger.db;
    const episode = await openEpisode(trx, laCode, childId);
    let conferenceId: string;
    let planId: string | null = null;
    const insertConference = async (kind: 'initial' | 'review', s47Id: string | null) =>
      (
        await insertNew(
          ledger,
          'cp_conference',
          {
            episode_id: episode.episode_id,
            child_id: childId,
            kind,
            s47_id: s47Id,
            plan_id: planId,
            held_on: input.heldOn,
            outcome: input.outcome,
            chair: input.chair,
            child_met_decider: input.childMetDecider,
            parents_met_decider: input.parentsMetDecider,
            child_words: input.childWords ?? null,
            created_by: actor.user.userId,
          },
          { detail: { kind: input.kind, outcome: input.outcome } },
        )
      ).conference_id;
    const voice = `${input.childMetDecider ? 'the child met the chair' : 'the child did not meet the chair'}; ${input.parentsMetDecider ? 'the parents met the chair' : 'the parents did not meet the chair'}`;
    const words = input.childWords ? ` — the child said: “${input.childWords}”` : '';
    let planChronicle: Chronicle | null = null;

    if (input.kind === 'initial') {
      const s = await ledger.row('section47', { s47_id: input.s47Id as string, episode_id: episode.episode_id }, { lock: true });
      if (!s) throw invalid([{ field: 's47Id', rule: 'exists', message: 'Choose a section 47 enquiry on this episode' }]);
      if (s.outcome && s.outcome !== 'conference')
        throw invalid([{ field: 's47Id', rule: 'enquiry-led-to-conference', message: 'That enquiry decided no conference was needed' }]);
      if (await ledger.row('cp_conference', { s47_id: s.s47_id }))
        throw conflict('An initial conference was already held for that enquiry', [
          { field: 's47Id', rule: 'conference-held', message: 'Record a review conference instead' },
        ]);
      new DateRules().notInFuture('heldOn', input.heldOn).notBefore('heldOn', input.heldOn, s.start_date, 'the enquiry started').check();
      if (!s.outcome) {
        // Holding the conference is the enquiry's outcome.
        await ledger.update(
          'section47',
          { s47_id: s.s47_id },
          { outcome: 'conference', completed_on: input.heldOn },
          { fromVersion: s.version, recordType: 'section-47', detail: { outcome: 'conference' } },
        );
      }
      if (input.outcome === 'plan') {
        const open = await currentProtectionPlan(trx, laCode, childId);
        if (open)
          throw conflict('The child is already on a protection plan', [{ field: 'outcome', rule: 'plan-open', message: 'Record a review conference instead' }]);
        const previous = await trx
          .selectFrom('cp_plan')
          .select(trx.fn.countAll<number>().as('n'))
          .where('la_code', '=', laCode)
          .where('child_id', '=', childId)
          .executeTakeFirstOrThrow();
        const category = input.initialCategory as keyof typeof CATEGORY_OF_ABUSE;
        ({ plan_id: planId } = await insertNew(ledger, 'cp_plan', {
          episode_id: episode.episode_id,
          child_id: childId,
          start_date: input.heldOn,
          initial_category: category,
          latest_category: input.latestCategory ?? category,
          previous_plans: Number(previous.n),
          created_by: actor.user.userId,
        }));
        planChronicle = {
          occurredOn: input.heldOn,
          category: 'plan',
          summary: `Child protection plan started: ${CATEGORY_OF_ABUSE[category]}${Number(previous.n) ? ` (plan ${Number(previous.n) + 1} for this child)` : ''}`,
          recordType: 'cp-plan',
          recordId: planId,
        };
      }
      conferenceId = await insertConference('initial', s.s47_id);
      ledger.chronicle({
        occurredOn: input.heldOn,
        category: 'conference',
        summary: `Initial child protection conference (chair ${input.chair}): ${input.outcome === 'plan' ? 'plan' : 'no plan'}; ${voice}${words}`,
        recordType: 'cp-conference',
        recordId: conferenceId,
      });
      if (planChronicle) ledger.chronicle(planChronicle);
    } else {
      const plan = await currentProtectionPlan(trx, laCode, childId);
      if (!plan)
        throw conflict('The child is not on a protection plan', [
          { field: 'kind', rule: 'plan-required', message: 'A review conference reviews a protection plan' },
        ]);
      const last = await trx
        .selectFrom('cp_conference')
        .select('held_on')
        .where('la_code', '=', laCode)
        .where('plan_id', '=', plan.plan_id)
        .orderBy('held_on', 'desc')
        .executeTakeFirst();
      new DateRules()
        .notInFuture('heldOn', input.heldOn)
        .notBefore('heldOn', input.heldOn, last?.held_on ?? plan.start_date, 'the last conference')
        .check();
      planId = plan.plan_id;
      conferenceId = await insertConference('review', null);
      const ends = input.outcome === 'end-plan';
      await ledger.update(
        'cp_plan',
        { plan_id: planId },
        {
          latest_category: input.latestCategory ?? plan.latest_category,
          ...(ends
            ? {
                end_date: input.heldOn,
                end_reason: input.endReason ?? null,
                what_changed: input.whatChanged ?? null,
                change_sustained_weeks: input.changeSustainedWeeks ?? null,
              }
            : {}),
        },
        { fromVersion: plan.version, detail: { ended: ends } },
      );
      if (ends) {
        // Stepping down is a key decision: kept with its reasons, like a closure.
        await insertNew(ledger, 'management_decision', {
          child_id: childId,
          episode_id: episode.episode_id,
          kind: 'step-down',
          decided_on: input.heldOn,
          decided_by: actor.user.userId,
          reasons: input.endReason as string,
          what_changed: input.whatChanged ?? null,
          change_sustained_weeks: input.changeSustainedWeeks ?? null,
          child_met_decider: input.childMetDecider,
          parents_met_decider: input.parentsMetDecider,
          child_words: input.childWords ?? null,
        });
      }
      ledger.chronicle({
        occurredOn: input.heldOn,
        category: 'conference',
        summary: `Review conference (chair ${input.chair}): ${ends ? `plan ended — ${input.endReason}; what changed: ${input.whatChanged} (held for ${input.changeSustainedWeeks} weeks)` : 'plan continues'}; ${voice}${words}`,
        recordType: 'cp-conference',
        recordId: conferenceId,
      });
    }
    return { conferenceId, planId };
  });
}

export async function recordCoreGroup(db: Kysely<Database>, actor: Actor, childId: string, input: In<typeof newCoreGroup>) {
  return step(db, actor, childId, async (ledger) => {
    const laCode = actor.user.laCode;
    const plan = await currentProtectionPlan(ledger.db, laCode, childId);
    if (!plan)
      throw conflict('The child is not on a protection plan', [{ field: 'heldOn', rule: 'plan-required', message: 'Core groups meet for a protection plan' }]);
    new DateRules().notInFuture('heldOn', input.heldOn).notBefore('heldOn', input.heldOn, plan.start_date, 'the plan started').check();
    const { core_group_id: coreGroupId } = await insertNew(ledger, 'core_group', {
      plan_id: plan.plan_id,
      child_id: childId,
      held_on: input.heldOn,
      notes: input.notes ?? null,
      created_by: actor.user.userId,
    });
    ledger.chronicle({
      occurredOn: input.heldOn,
      category: 'core-group',
      summary: `Core group met${input.notes ? `: ${input.notes}` : ''}`,
      recordType: 'core-group',
      recordId: coreGroupId,
    });
    return { coreGroupId };
  });
}

/** The protection records of a child, by episode, for the casework view. */
export async function protectionRecords(db: Kysely<Database>, laCode: string, childId: string) {
  const [discussions, enquiries, conferences, plans, coreGroups] = await Promise.all([
    childRecords(db, laCode, 'strategy_discussion', childId, 'held_on'),
    childRecords(db, laCode, 'section47', childId, 'start_date'),
    childRecords(db, laCode, 'cp_conference', childId, 'held_on'),
    childRecords(db, laCode, 'cp_plan', childId, 'start_date'),
    childRecords(db, laCode, 'core_group', childId, 'held_on'),
  ]);
  const forEpisode = (episodeId: string) => ({
    strategyDiscussions: discussions
      .filter((d) => d.episode_id === episodeId)
      .map((d) => ({
        strategyId: d.strategy_id,
        heldOn: d.held_on,
        agencies: d.agencies,
        missingAgencies: EXPECTED_AGENCIES.filter((a) => !d.agencies.includes(a)),
        decision: d.decision,
        reasons: d.reasons,
      })),
    section47s: enquiries
      .filter((s) => s.episode_id === episodeId)
      .map((s) => ({
        s47Id: s.s47_id,
        strategyId: s.strategy_id,
        startDate: s.start_date,
        completedOn: s.completed_on,
        outcome: s.outcome,
        icpcNotRequired: s.icpc_not_required,
        icpcNotRequiredReason: s.icpc_not_required_reason,
      })),
    conferences: conferences
      .filter((c) => c.episode_id === episodeId)
      .map((c) => ({
        conferenceId: c.conference_id,
        s47Id: c.s47_id,
        kind: c.kind,
        heldOn: c.held_on,
        outcome: c.outcome,
        chair: c.chair,
        childMetDecider: c.child_met_decider,
        parentsMetDecider: c.parents_met_decider,
        childWords: c.child_words,
        planId: c.plan_id,
      })),
    cpPlans: plans
      .filter((p) => p.episode_id === episodeId)
      .map((p) => ({
        planId: p.plan_id,
        startDate: p.start_date,
        initialCategory: p.initial_category,
        latestCategory: p.latest_category,
        previousPlans: p.previous_plans,
        endDate: p.end_date,
        endReason: p.end_reason,
        whatChanged: p.what_changed,
        changeSustainedWeeks: p.change_sustained_weeks,
        coreGroups: coreGroups.filter((g) => g.plan_id === p.plan_id).map((g) => ({ coreGroupId: g.core_group_id, heldOn: g.held_on, notes: g.notes })),
      })),
  });
  return { forEpisode };
}
