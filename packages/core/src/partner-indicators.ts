/**
 * The partner indicators, as data: how partner agencies answer requests, attend conferences and
 * rehouse families. Not in reference/indicators.md; documented in docs/indicators-partners.md.
 * The server computes them with SQL; `rate` is the one piece of arithmetic they share.
 */
export interface PartnerIndicator {
  id: string;
  title: string;
  definition: string;
  /** period: over the 12 months to the as-of date; snapshot: on the as-of date. */
  kind: 'period' | 'snapshot';
  numerator: string;
  denominator: string | null;
  /** How the figures are broken down. */
  by: 'agency' | 'none';
}

export const PARTNER_INDICATORS: readonly PartnerIndicator[] = Object.freeze([
  {
    id: 'partner-requests-in-time',
    title: 'Partner requests answered in time',
    definition: 'of requests to partner agencies falling due in the period, % answered on or before the date the request gave',
    kind: 'period',
    numerator: 'requests due in the period answered on or before respond-by',
    denominator: 'requests due in the period, not withdrawn before they fell due',
    by: 'agency',
  },
  {
    id: 'conference-attendance-by-agency',
    title: 'Conference attendance by agency',
    definition: 'of child protection conferences held in the period to which an agency was invited, % it attended',
    kind: 'period',
    numerator: 'conferences in the period the agency attended',
    denominator: 'conferences in the period the agency was invited to',
    by: 'agency',
  },
  {
    id: 'conferences-missing-agencies',
    title: 'Conferences without police, health or education',
    definition: 'child protection conferences held in the period at which police, health or education were not present',
    kind: 'period',
    numerator: 'conferences in the period without at least one of police, health, education attending',
    denominator: 'conferences held in the period',
    by: 'none',
  },
  {
    id: 'families-waiting-rehousing',
    title: 'Families waiting for re-housing',
    definition: 'children whose family has an unresolved housing need on the snapshot date, and the days they have waited (median and longest)',
    kind: 'snapshot',
    numerator: 'children with an unresolved housing need on the date',
    denominator: null,
    by: 'none',
  },
]);

export function partnerIndicator(id: string): PartnerIndicator {
  const found = PARTNER_INDICATORS.find((i) => i.id === id);
  if (!found) throw new Error(`Unknown partner indicator ${JSON.stringify(id)}`);
  return found;
}

/** A percentage to one decimal place, or null when there is nothing to divide by. */
export function rate(numerator: number, denominator: number): number | null {
  if (denominator === 0) return null;
  return Math.round((numerator / denominator) * 1000) / 10;
}

/** The median of whole numbers (the lower middle for an even count), or null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] as number;
}
