/**
 * How each indicator is counted from the live record: one SQL function per indicator id, each
 * selecting its units (a referral, a conference, a child on a plan, a worker's caseload) for a
 * period ending on any as-of date. The framework in service.ts attributes each unit to a worker,
 * team and service, aggregates, and lists the children behind it. The words of each definition
 * are in packages/core/src/indicators.ts; keep the two together.
 *
 * Every function selects exactly these columns, in this order:
 *   child_id  the child the unit is about (null for a worker's caseload)
 *   worker_id, team_id  who it belongs to, where the unit says so itself (else null: the
 *             child's allocated social worker on on_date, from allocation)
 *   on_date   the day the unit happened, or the snapshot date
 *   num, den  its contribution to the numerator and denominator
 *   days      a number of days, where the indicator has one (median, age)
 */
import { CARE_AND_WORKFORCE_SQL } from './indicators-care.ts';
import { FOSTERING_SQL } from './indicators-fostering.ts';
import { HELP_AND_PROTECTION_SQL } from './indicators-protection.ts';
import type { IndicatorQuery } from './indicator-units.ts';

export type { IndicatorQuery, Window } from './indicator-units.ts';

/** Every indicator the live record counts, by id. */
export const INDICATOR_SQL: Record<string, IndicatorQuery> = { ...HELP_AND_PROTECTION_SQL, ...CARE_AND_WORKFORCE_SQL, ...FOSTERING_SQL };
