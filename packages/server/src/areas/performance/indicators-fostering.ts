/** The fostering service's indicators (core indicators-fostering.ts): households' units from the fostering area, children's here. */
import { sql } from 'kysely';
import { HOUSEHOLD_UNITS } from '../fostering/index.ts';
import { allocated, type IndicatorQuery, none } from './indicator-units.ts';

const FOSTER_PLACEMENTS = sql`('U1', 'U2', 'U3', 'U4', 'U5', 'U6')`;

/** A household's unit counts as a worker's caseload does: no child, its supervising social worker and their team. */
const households: Record<string, IndicatorQuery> = Object.fromEntries(
  Object.entries(HOUSEHOLD_UNITS).map(([id, units]) => [
    id,
    {
      attribution: 'given',
      sql: (w) => sql`select null::uuid, u.worker_id, u.team_id, u.on_date, u.num, u.den, u.days
        from (${units(w)}) as u (household_id, worker_id, team_id, on_date, num, den, days, reason)`,
    } satisfies IndicatorQuery,
  ]),
);

export const FOSTERING_SQL: Record<string, IndicatorQuery> = {
  ...households,
  'foster-placements-ended-carer-request': allocated(
    (w) => sql`
      select e.child_id, ${none}, e.end_date, case when e.reason_place_change in ('CREQB', 'CREQO') then 1 else 0 end, 1, null::numeric
      from cla_episode e
      where e.la_code = ${w.laCode} and e.placement_type in ${FOSTER_PLACEMENTS} and e.end_date between ${w.from} and ${w.to}
        and e.reason_place_change is not null`,
  ),
  'foster-children-in-house': allocated(
    (w) => sql`
      select distinct on (e.child_id) e.child_id, ${none}, ${w.to}::date,
        case when e.foster_household_id is not null or e.placement_provider = 'PR1' then 1 else 0 end, 1, null::numeric
      from cla_episode e
      where e.la_code = ${w.laCode} and e.placement_type in ${FOSTER_PLACEMENTS} and e.start_date <= ${w.to} and (e.end_date is null or e.end_date > ${w.to})
      order by e.child_id, e.start_date desc`,
  ),
};
