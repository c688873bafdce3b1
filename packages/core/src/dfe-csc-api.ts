/**
 * The DfE's children's social care API (the daily feed): the child object in the field names and
 * nesting the DfE's senders build (specification 0.8/0.9, reference/dfe-csc-api.md), the cohort's
 * window, and the partial object sent when a child's record changed. Pure: no I/O.
 */
import { z } from 'zod';
import { datePattern as isoDate } from './fields.ts';

const maybeDate = isoDate.nullable().optional();
const maybeText = z.string().nullable().optional();
const purge = z.boolean().optional();

export const careWorkerDetail = z.object({ worker_id: z.string(), start_date: isoDate, end_date: maybeDate });
export const childAndFamilyAssessment = z.object({
  child_and_family_assessment_id: z.string(),
  start_date: maybeDate,
  authorisation_date: maybeDate,
  factors: z.array(z.string()).optional(),
  purge,
});
export const childInNeedPlan = z.object({ child_in_need_plan_id: z.string(), start_date: maybeDate, end_date: maybeDate, purge });
export const section47Assessment = z.object({
  section_47_assessment_id: z.string(),
  start_date: maybeDate,
  icpc_required_flag: z.boolean().nullable().optional(),
  icpc_date: maybeDate,
  end_date: maybeDate,
  purge,
});
export const childProtectionPlan = z.object({ child_protection_plan_id: z.string(), start_date: maybeDate, end_date: maybeDate, purge });
export const childLookedAfterPlacement = z.object({
  child_looked_after_placement_id: z.string(),
  start_date: maybeDate,
  start_reason: maybeText,
  placement_type: maybeText,
  postcode: maybeText,
  end_date: maybeDate,
  end_reason: maybeText,
  change_reason: maybeText,
  purge,
});
export const adoptionBlock = z.object({ initial_decision_date: maybeDate, matched_date: maybeDate, placed_date: maybeDate, purge });
export const careLeaversBlock = z.object({ contact_date: maybeDate, activity: maybeText, accommodation: maybeText, purge });

export const socialCareEpisode = z.object({
  social_care_episode_id: z.string(),
  referral_date: maybeDate,
  referral_source: maybeText,
  referral_no_further_action_flag: z.boolean().nullable().optional(),
  closure_date: maybeDate,
  closure_reason: maybeText,
  care_worker_details: z.array(careWorkerDetail).optional(),
  child_and_family_assessments: z.array(childAndFamilyAssessment).optional(),
  child_in_need_plans: z.array(childInNeedPlan).optional(),
  section_47_assessments: z.array(section47Assessment).optional(),
  child_protection_plans: z.array(childProtectionPlan).optional(),
  child_looked_after_placements: z.array(childLookedAfterPlacement).optional(),
  adoption: adoptionBlock.optional(),
  care_leavers: careLeaversBlock.optional(),
  purge,
});

export const childDetails = z.object({
  unique_pupil_number: maybeText,
  former_unique_pupil_number: maybeText,
  unique_pupil_number_unknown_reason: maybeText,
  first_name: maybeText,
  surname: maybeText,
  date_of_birth: maybeDate,
  expected_date_of_birth: maybeDate,
  sex: z.enum(['M', 'F', 'U']).nullable().optional(),
  ethnicity: maybeText,
  disabilities: z.array(z.string()).optional(),
  postcode: maybeText,
  uasc_flag: z.boolean().optional(),
  uasc_end_date: maybeDate,
  purge,
});

/** One child as sent to the DfE: the full object, a partial one, or a purge. */
export const dfeChild = z.object({
  la_code: z.number().int().positive(),
  la_child_id: z.string().min(1),
  mis_child_id: z.string().min(1),
  purge,
  child_details: childDetails.optional(),
  health_and_wellbeing: z
    .object({ sdq_assessments: z.array(z.object({ date: isoDate, score: z.number().int().min(0).max(40) })).optional(), purge })
    .optional(),
  social_care_episodes: z.array(socialCareEpisode).optional(),
});
export type DfeChild = z.infer<typeof dfeChild>;
export type SocialCareEpisode = z.infer<typeof socialCareEpisode>;

/** A full object (what `lantern export dfe-csc-api` writes) must name the child. */
export const dfeFullChild = dfeChild.extend({ child_details: childDetails });

/** The JSON Schema each exported child is checked against, generated from the zod schema above. */
export function dfeChildJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(dfeFullChild, { target: 'draft-2020-12' }) as Record<string, unknown>;
}

/**
 * The cohort's window for a run on `runDate`: from 1 April of the financial year that contains the
 * date 24 months before, to the day after the run date (both YYYY-MM-DD).
 */
export function dfeCohortWindow(runDate: string): { from: string; to: string } {
  const [y, m, d] = runDate.split('-').map(Number) as [number, number, number];
  const back = new Date(Date.UTC(y - 2, m - 1, d));
  const fy = back.getUTCMonth() >= 3 ? back.getUTCFullYear() : back.getUTCFullYear() - 1;
  const next = new Date(Date.UTC(y, m - 1, d + 1));
  return { from: `${fy}-04-01`, to: next.toISOString().slice(0, 10) };
}

/** JSON with object keys sorted: a payload read back from the database (jsonb) keeps no key order. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}
const same = (a: unknown, b: unknown) => canonicalJson(a) === canonicalJson(b);

/** The elements of a list keyed by an id that changed, were added, or (sent with purge) were removed. */
function changedElements<T extends Record<string, unknown>>(key: string, before: T[] | undefined, after: T[] | undefined): T[] {
  const old = new Map((before ?? []).map((e) => [e[key], e]));
  const now = new Set((after ?? []).map((e) => e[key]));
  const out: T[] = (after ?? []).filter((e) => !same(old.get(e[key]), e));
  for (const [id] of old) if (!now.has(id)) out.push({ [key]: id, purge: true } as unknown as T);
  return out;
}

const EPISODE_LISTS = [
  ['child_and_family_assessments', 'child_and_family_assessment_id'],
  ['child_in_need_plans', 'child_in_need_plan_id'],
  ['section_47_assessments', 'section_47_assessment_id'],
  ['child_protection_plans', 'child_protection_plan_id'],
  ['child_looked_after_placements', 'child_looked_after_placement_id'],
] as const;
const EPISODE_FIELDS = ['referral_date', 'referral_source', 'referral_no_further_action_flag', 'closure_date', 'closure_reason'] as const;

/** One episode's changed parts: its id and only what differs (removed elements purged). */
function episodeChanges(before: SocialCareEpisode, after: SocialCareEpisode): SocialCareEpisode | null {
  const out: Record<string, unknown> = { social_care_episode_id: after.social_care_episode_id };
  let changed = false;
  for (const f of EPISODE_FIELDS)
    if (!same(before[f], after[f])) {
      out[f] = after[f] ?? null;
      changed = true;
    }
  if (!same(before.care_worker_details, after.care_worker_details)) {
    out.care_worker_details = after.care_worker_details ?? [];
    changed = true;
  }
  for (const [list, key] of EPISODE_LISTS) {
    const diff = changedElements(key, before[list] as Record<string, unknown>[] | undefined, after[list] as Record<string, unknown>[] | undefined);
    if (diff.length) {
      out[list] = diff;
      changed = true;
    }
  }
  for (const block of ['adoption', 'care_leavers'] as const)
    if (!same(before[block], after[block])) {
      out[block] = after[block] ?? { purge: true };
      changed = true;
    }
  return changed ? (out as SocialCareEpisode) : null;
}

/**
 * What to send for a child whose record changed since `before` was sent: the identifiers and
 * `child_details` always, plus only the parts that changed; elements removed at source are sent
 * with `purge: true`.
 */
export function dfePartial(before: DfeChild, after: DfeChild): DfeChild {
  const out: DfeChild = { la_code: after.la_code, la_child_id: after.la_child_id, mis_child_id: after.mis_child_id, child_details: after.child_details };
  if (!same(before.health_and_wellbeing, after.health_and_wellbeing)) out.health_and_wellbeing = after.health_and_wellbeing ?? { purge: true };
  const old = new Map((before.social_care_episodes ?? []).map((e) => [e.social_care_episode_id, e]));
  const episodes: SocialCareEpisode[] = [];
  for (const e of after.social_care_episodes ?? []) {
    const prior = old.get(e.social_care_episode_id);
    if (!prior) episodes.push(e);
    else {
      const diff = episodeChanges(prior, e);
      if (diff) episodes.push(diff);
    }
    old.delete(e.social_care_episode_id);
  }
  for (const id of old.keys()) episodes.push({ social_care_episode_id: id, purge: true });
  if (episodes.length) out.social_care_episodes = episodes;
  return out;
}

/** A child who has left the cohort: only the identifiers and purge. */
export function dfePurge(last: Pick<DfeChild, 'la_code' | 'la_child_id' | 'mis_child_id'>): DfeChild {
  return { la_code: last.la_code, la_child_id: last.la_child_id, mis_child_id: last.mis_child_id, purge: true };
}
