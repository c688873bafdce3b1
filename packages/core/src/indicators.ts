// Performance indicators, as data: each one defined once, in words a performance analyst can
// check against reference/indicators.md and the DfE's published definitions, plus the
// pure arithmetic every indicator shares (its period, its value, small-number suppression,
// whether a target is met). The SQL that counts each indicator from the record lives in the
// server (areas/performance/indicators.ts), one function per id.
//
// The public face of indicators/: what an indicator is (definition.ts), the indicators per area
// (front-door, child-protection, looked-after, workforce, legal; fostering in
// indicators-fostering.ts), and their arithmetic (arithmetic.ts).

import { FOSTERING_INDICATORS } from './indicators-fostering.ts';
import { CHILD_PROTECTION_INDICATORS } from './indicators/child-protection.ts';
import type { IndicatorDefinition } from './indicators/definition.ts';
import { FRONT_DOOR_INDICATORS } from './indicators/front-door.ts';
import { LEGAL_INDICATORS } from './indicators/legal.ts';
import { LOOKED_AFTER_INDICATORS } from './indicators/looked-after.ts';
import { WORKFORCE_INDICATORS } from './indicators/workforce.ts';

export * from './indicators/arithmetic.ts';
export * from './indicators/definition.ts';

/** Every indicator, area by area, in the order the dashboard shows them. */
export const INDICATORS: readonly IndicatorDefinition[] = [
  ...FRONT_DOOR_INDICATORS,
  ...CHILD_PROTECTION_INDICATORS,
  ...LOOKED_AFTER_INDICATORS,
  ...WORKFORCE_INDICATORS,
  ...LEGAL_INDICATORS,
  ...FOSTERING_INDICATORS,
];

const BY_ID = new Map(INDICATORS.map((d) => [d.id, d]));

export function indicatorById(id: string): IndicatorDefinition | undefined {
  return BY_ID.get(id);
}

export const INDICATOR_IDS = INDICATORS.map((d) => d.id) as [string, ...string[]];

/** The indicators of indicators.md not yet counted (none now: all of them are above). */
export const INDICATORS_TO_COME: readonly string[] = [];
