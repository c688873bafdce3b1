/** Children in need — contacts, referrals, assessments, plans, visits, closure: this area's face to the rest of the server. */
export { referralsRoutes } from './routes.ts';
export { routingRoutes } from './routing-routes.ts';
export { seenOnVisit } from './cin-plans.ts';
export { closeWithin } from './service.ts';
export { holdingTeam, latestTransfer } from './routing.ts';
