/**
 * What the looked-after generator (looked-after.ts) draws from: children's words at reviews, what a
 * return home interview learned, placement types by age, and why placements changed (SSDA903 codes).
 */
import { WeightedPicker } from './rng.ts';

export const WORDS = [
  'I like it here, the carers are kind.',
  'I want to see my mum more often.',
  'School is OK. I have a new friend.',
  'I miss my brother.',
  'I don’t like the rules about my phone.',
  'I want to stay here.',
  'It is too far from my friends.',
  'I feel safe here.',
  'Nobody listens to me about contact.',
  'I want to go home.',
];
export const LEARNED = [
  'Went to a friend’s house; no exploitation concerns; agreed a curfew plan.',
  'Spent the night with an older group in town; referred to the exploitation panel.',
  'Wanted to see family; contact arrangements reviewed.',
  'Argument with carer; support for the placement increased.',
  'Would not say where they had been; police informed of associates.',
];

/** Placement types by age, the commonest first. */
export const PLACEMENT_BY_AGE: [number, WeightedPicker<string>][] = [
  [
    12,
    WeightedPicker.of([
      ['U6', 0.5],
      ['U4', 0.2],
      ['U3', 0.15],
      ['U1', 0.05],
      ['K2', 0.05],
      ['P1', 0.05],
    ]),
  ],
  [
    16,
    WeightedPicker.of([
      ['U6', 0.45],
      ['U4', 0.15],
      ['U3', 0.05],
      ['K2', 0.3],
      ['P1', 0.05],
    ]),
  ],
  [
    99,
    WeightedPicker.of([
      ['U6', 0.35],
      ['K2', 0.2],
      ['K3', 0.4],
      ['P1', 0.05],
    ]),
  ],
];

export const REASONS_CHANGED = WeightedPicker.of([
  ['CARPL', 0.35],
  ['CREQB', 0.2],
  ['CREQO', 0.1],
  ['CHILD', 0.1],
  ['LAREQ', 0.1],
  ['STAND', 0.05],
  ['ALLEG', 0.03],
  ['CLOSE', 0.04],
  ['OTHER', 0.03],
]);
