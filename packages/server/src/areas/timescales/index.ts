/** The timescales area's public face: deadlines as people see them, for other areas and the server. */
export { timescalesRoutes } from './routes.ts';
export { childObligations, childObligationsUnder, DEADLINE_COLUMNS, type DeadlineRow, deadlineFacts, stateOn } from './service.ts';
export { countsOf, dueCounts, openOn, worklistView } from './worklist.ts';
