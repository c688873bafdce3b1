/**
 * The households behind the fostering indicators (core indicators-fostering.ts): one SQL per
 * indicator selecting each household's unit, which the performance framework sums (as it sums a
 * child's) and the fostering team lists by name with the reason each left. One definition of the units.
 *
 * Every query selects: household_id, worker_id (the supervising social worker), team_id (theirs),
 * on_date, num, den, days, reason (why the household left, where it did).
 */
import { LEAVING_REASON } from '@lantern/core/fostering';
import { indicatorById } from '@lantern/core/indicators';
import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { CurrentUser } from '../../kernel/context.ts';
import type { Database } from '../../kernel/db/schema.ts';
import { notFound } from '../../kernel/http/problem.ts';

export type HouseholdWindow = { laCode: string; from: string; to: string };

const LEFT = sql`h.status in ('resigned', 'deregistered')`;
const households = (w: HouseholdWindow) => sql`
  select h.*, wk.team_id as worker_team_id from foster_household h
  left join worker wk on wk.la_code = h.la_code and wk.worker_id = h.supervising_worker_id
  where h.la_code = ${w.laCode}`;
const approvedIn = (w: HouseholdWindow) => sql`h.decision = 'approved' and h.decision_on between ${w.from} and ${w.to}`;
const leftIn = (w: HouseholdWindow) => sql`${LEFT} and h.decision = 'approved' and h.left_on between ${w.from} and ${w.to}`;

export const HOUSEHOLD_UNITS: Record<string, (w: HouseholdWindow) => RawBuilder<unknown>> = {
  'foster-carers-approved': (w) => sql`
    select h.household_id, h.supervising_worker_id, h.worker_team_id, h.decision_on, 1, 0, (h.decision_on - h.enquiry_on)::numeric, null::text
    from (${households(w)}) h where ${approvedIn(w)}`,
  'foster-carers-left': (w) => sql`
    select h.household_id, h.supervising_worker_id, h.worker_team_id, h.left_on, 1, 0, null::numeric, h.leaving_reason
    from (${households(w)}) h where ${leftIn(w)}`,
  'foster-places-net-change': (w) => sql`
    select h.household_id, h.supervising_worker_id, h.worker_team_id, h.decision_on, coalesce(h.max_children, 0), 0, null::numeric, null::text
    from (${households(w)}) h where ${approvedIn(w)}
    union all
    select h.household_id, h.supervising_worker_id, h.worker_team_id, h.left_on, -coalesce(h.max_children, 0), 0, null::numeric, h.leaving_reason
    from (${households(w)}) h where ${leftIn(w)}`,
  // As the register: approved before the 12 months began and not left by then (the denominator),
  // and every approved household that left within them (the numerator).
  'foster-carer-turnover': (w) => sql`
    select h.household_id, h.supervising_worker_id, h.worker_team_id, coalesce(h.left_on, ${w.to}::date),
      case when ${leftIn(w)} then 1 else 0 end,
      case when h.decision_on < ${w.from} and (h.left_on is null or h.left_on >= ${w.from}) then 1 else 0 end,
      null::numeric, case when ${leftIn(w)} then h.leaving_reason end
    from (${households(w)}) h
    where h.decision = 'approved' and h.decision_on <= ${w.to}
      and ((h.decision_on < ${w.from} and (h.left_on is null or h.left_on >= ${w.from})) or (${leftIn(w)}))`,
  'foster-enquiry-to-approval-days': (w) => sql`
    select h.household_id, h.supervising_worker_id, h.worker_team_id, h.decision_on, (h.decision_on - h.enquiry_on), 1, (h.decision_on - h.enquiry_on)::numeric, null::text
    from (${households(w)}) h where ${approvedIn(w)}`,
};

/** The households behind a fostering indicator's number on a day, each marked whether it is in the numerator. */
export async function householdsBehind(db: Kysely<Database>, user: CurrentUser, id: string, w: Omit<HouseholdWindow, 'laCode'>) {
  const def = indicatorById(id);
  const units = HOUSEHOLD_UNITS[id];
  if (!def || !units) throw notFound('indicator');
  const rows = await sql<{ household_id: string; on_date: string; num: number; den: number; days: number | null; reason: string | null }>`
    select u.household_id, u.on_date::text as on_date, u.num::numeric as num, u.den::numeric as den, u.days::numeric as days, u.reason
    from (${units({ laCode: user.laCode, ...w })}) as u (household_id, worker_id, team_id, on_date, num, den, days, reason)
    order by u.on_date, u.household_id`.execute(db);
  const names = new Map(
    (await db.selectFrom('foster_household').select(['household_id', 'name', 'reference']).where('la_code', '=', user.laCode).execute()).map((h) => [
      h.household_id,
      h,
    ]),
  );
  return {
    id,
    title: def.title,
    from: w.from,
    to: w.to,
    households: rows.rows.map((r) => ({
      householdId: r.household_id,
      name: names.get(r.household_id)?.name ?? '',
      reference: names.get(r.household_id)?.reference ?? '',
      onDate: r.on_date,
      inNumerator: Number(r.num) !== 0,
      count: Number(r.num),
      days: r.days === null ? null : Number(r.days),
      reason: r.reason ? (LEAVING_REASON[r.reason as keyof typeof LEAVING_REASON] ?? r.reason) : null,
    })),
  };
}
