/**
 * Children looked after, the SSDA903 way: the 2025/26 code lists, the shapes of what is
 * recorded (coming into care, a change of placement or legal status, ceasing, visits,
 * reviews, missing episodes), the cross-field rules of the 903 validator, the unregistered
 * provision test, and the reconstruction of a child's history from their episodes.
 * Pure: no clock (today is passed in) and no I/O. The public face of looked-after/: codes.ts,
 * placements.ts (cross-field rules, unregistered provision), records.ts (schemas), history.ts.
 */

export * from './looked-after/codes.ts';
export * from './looked-after/history.ts';
export * from './looked-after/placements.ts';
export * from './looked-after/records.ts';
