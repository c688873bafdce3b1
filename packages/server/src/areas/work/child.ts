/**
 * The child's page, short: the child's status at a glance and one "What is due" list with every
 * open deadline from every area, soonest first, with its owner.
 */
import { todayInEngland } from '@lantern/core/calendar';
import { CARE_LEAVER_CATEGORY } from '@lantern/core/care';
import { LEGAL_STATUS, PLACEMENT_TYPE } from '@lantern/core/looked-after';
import { CATEGORY_OF_ABUSE } from '@lantern/core/pathway';
import { areaOfRule } from '@lantern/core/work';
import { type Kysely, sql } from 'kysely';
import type { Actor } from '../../kernel/context.ts';
import type { Database } from '../../kernel/db/schema.ts';
import { latestTransfer } from '../referrals/index.ts';
import { overdueBy, ruleLabel } from './sections.ts';

const label = <T extends Record<string, unknown>>(list: T, code: string | null | undefined) => {
  if (!code) return null;
  const v = list[code as keyof T];
  return typeof v === 'string' ? v : v && typeof v === 'object' && 'label' in v ? String((v as { label: unknown }).label) : code;
};

export async function childDue(db: Kysely<Database>, actor: Actor, childId: string) {
  const laCode = actor.user.laCode;
  const asOf = todayInEngland();
  const status = await sql<{
    restricted: boolean;
    in_need: boolean;
    plan_since: string | null;
    plan_category: string | null;
    lac_since: string | null;
    legal_status: string | null;
    placement_type: string | null;
    leaver_category: string | null;
    missing_since: string | null;
    team: string | null;
    social_worker: string | null;
    iro: string | null;
  }>`
    select p.restricted,
      exists (select 1 from cin_episode e where e.la_code = p.la_code and e.child_id = p.person_id and e.closure_date is null and not e.referral_nfa) as in_need,
      cp.start_date as plan_since, cp.latest_category as plan_category,
      (select min(x.start_date) from cla_episode x where x.la_code = ce.la_code and x.period_id = ce.period_id) as lac_since, ce.legal_status, ce.placement_type,
      (select cl.category from care_leaver cl where cl.la_code = p.la_code and cl.child_id = p.person_id and cl.support_ended_on is null) as leaver_category,
      (select to_char(min(m.started_at) at time zone 'Europe/London', 'YYYY-MM-DD') from missing_episode m where m.la_code = p.la_code and m.child_id = p.person_id and m.ended_at is null) as missing_since,
      coalesce(sw.team_name, (select t.name from case_team ct join team t on t.la_code = ct.la_code and t.team_id = ct.team_id where ct.la_code = p.la_code and ct.child_id = p.person_id and ct.ended_on is null)) as team,
      sw.name as social_worker,
      (select w.given_name || ' ' || w.family_name from allocation a join worker w on w.la_code = a.la_code and w.worker_id = a.worker_id
        where a.la_code = p.la_code and a.child_id = p.person_id and a.allocation_role = 'iro' and a.end_date is null) as iro
    from person p
    left join cp_plan cp on cp.la_code = p.la_code and cp.child_id = p.person_id and cp.end_date is null
    left join cla_episode ce on ce.la_code = p.la_code and ce.child_id = p.person_id and ce.end_date is null
    left join lateral (
      select w.given_name || ' ' || w.family_name as name, t.name as team_name from allocation a
      join worker w on w.la_code = a.la_code and w.worker_id = a.worker_id left join team t on t.la_code = w.la_code and t.team_id = w.team_id
      where a.la_code = p.la_code and a.child_id = p.person_id and a.allocation_role = 'social-worker' and a.end_date is null
    ) sw on true
    where p.la_code = ${laCode} and p.person_id = ${childId}`.execute(db);
  const s = status.rows[0];
  const due = await sql<{ rule_id: string; due_date: string; worker_name: string | null; team_name: string | null }>`
    select o.rule_id, o.due_date, w.given_name || ' ' || w.family_name as worker_name, t.name as team_name
    from obligation o
    left join worker w on w.la_code = o.la_code and w.worker_id = o.responsible_worker_id
    left join team t on t.la_code = o.la_code and t.team_id = o.responsible_team_id
    where o.la_code = ${laCode} and o.child_id = ${childId} and o.met_on is null and o.ended_on is null and o.start_date <= ${asOf}
    order by o.due_date, o.rule_id`.execute(db);
  return {
    asOf,
    status: {
      inNeed: Boolean(s?.in_need),
      protectionPlan: s?.plan_since ? { since: s.plan_since, category: label(CATEGORY_OF_ABUSE, s.plan_category) ?? '' } : null,
      lookedAfter: s?.lac_since
        ? { since: s.lac_since, legalStatus: label(LEGAL_STATUS, s.legal_status) ?? '', placement: label(PLACEMENT_TYPE, s.placement_type) ?? '' }
        : null,
      careLeaver: label(CARE_LEAVER_CATEGORY, s?.leaver_category),
      missingSince: s?.missing_since ?? null,
      restricted: Boolean(s?.restricted),
      team: s?.team ?? null,
      socialWorker: s?.social_worker ?? null,
      iro: s?.iro ?? null,
    },
    due: due.rows.map((r) => {
      const days = overdueBy(r.due_date, asOf);
      return {
        ruleId: r.rule_id,
        what: ruleLabel(r.rule_id),
        area: areaOfRule(r.rule_id),
        dueDate: r.due_date,
        state: days ? ('overdue' as const) : ('due' as const),
        daysOverdue: days ?? 0,
        owner: [r.worker_name, r.team_name].filter(Boolean).join(', ') || null,
      };
    }),
    transfer: await latestTransfer(db, laCode, childId),
  };
}
