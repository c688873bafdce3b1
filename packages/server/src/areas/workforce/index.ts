/** The workforce area's public face: what other areas and the server use. */
export { buildCensus, parseCensus, validateCensus } from './csww.ts';
export { allocationGaps, churn } from './children-figures.ts';
export { caseloadHistory, caseloads, workforceSettings } from './figures.ts';
export { teamStaffOn, teamStats } from './team-stats.ts';
export { workforceFigureRoutes } from './figures-routes.ts';
export { workforceRoutes } from './routes.ts';
