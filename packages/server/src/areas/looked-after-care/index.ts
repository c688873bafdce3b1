/** Care planning for looked-after children and care leavers — permanence, UASC, health, leaving care: this area's face. */
export { lookedAfterCareRoutes } from './routes.ts';
