/**
 * What the permanence generator (permanence.ts) draws from, as SSDA903 codes with their weights:
 * permanence plans by age, previous permanence, care leavers' activity and accommodation, and
 * how unaccompanied children arrived.
 */
import { WeightedPicker } from './rng.ts';

export const PLAN_UNDER_FIVE = WeightedPicker.of<string>([
  ['adoption', 0.38],
  ['return-home', 0.25],
  ['sgo', 0.17],
  ['long-term-fostering', 0.15],
  ['cao', 0.05],
]);
export const PLAN_OLDER = WeightedPicker.of<string>([
  ['long-term-fostering', 0.52],
  ['return-home', 0.22],
  ['sgo', 0.08],
  ['long-term-residential', 0.08],
  ['supported-living', 0.06],
  ['other', 0.04],
]);
export const PREV_PERM = WeightedPicker.of<string>([
  ['Z1', 0.76],
  ['P2', 0.1],
  ['P3', 0.06],
  ['P4', 0.05],
  ['P1', 0.03],
]);
export const EET = WeightedPicker.of<string>([
  ['F2', 0.32],
  ['P2', 0.06],
  ['F5', 0.3],
  ['P5', 0.12],
  ['F1', 0.12],
  ['F4', 0.08],
]);
export const NEET = WeightedPicker.of<string>([
  ['G5', 0.55],
  ['G4', 0.25],
  ['G6', 0.2],
]);
export const SUITABLE_ACCOM = WeightedPicker.of<string>([
  ['U', 0.34],
  ['D', 0.2],
  ['Z', 0.12],
  ['E', 0.1],
  ['B', 0.12],
  ['K', 0.06],
  ['T', 0.06],
]);
export const UNSUITABLE_ACCOM = ['S2', 'W2', 'V2', 'X2', 'U2', 'B2'] as const;
export const UASC_ROUTE = WeightedPicker.of<string>([
  ['spontaneous-arrival', 0.55],
  ['national-transfer-scheme', 0.25],
  ['home-office', 0.12],
  ['police', 0.08],
]);
