/** The fostering service: households, recruitment and approval, support, the register, matching, section 20 drift. */
export { inHouseCarer } from './placements.ts';
export { HOUSEHOLD_RULES, refreshFosterObligations } from './obligations.ts';
export { fosteringRoutes } from './routes.ts';
export { HOUSEHOLD_UNITS, type HouseholdWindow } from './indicator-units.ts';
