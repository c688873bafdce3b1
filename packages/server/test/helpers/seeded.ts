/**
 * What the tests of the seeded demo council share: its code (the fixture council's, Herefordshire),
 * the day it is seeded up to, and the day a year before it (a year's figures count after it).
 */
export { LA } from './fixture.ts';
export const AS_OF = '2026-11-23';
export const YEAR_BEFORE = '2025-11-23';
