/** The workforce area's public face: what other areas and the server use. */
export { buildCensus, parseCensus, validateCensus } from './csww.ts';
export { allocationGaps, caseloadHistory, caseloads, churn, teamStaffOn, teamStats, workforceSettings } from './figures.ts';
export { workforceFigureRoutes } from './figures-routes.ts';
export { workforceRoutes } from './routes.ts';
