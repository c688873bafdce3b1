/** Care planning for looked-after children and care leavers — permanence, UASC, health, leaving care: this area's face. */
export { lookedAfterCareRoutes } from './routes.ts';
/** Whether an order depriving the child of liberty is in force: ending care or a placement change asks. */
export { ordersInForce } from './deprivation-of-liberty.ts';
