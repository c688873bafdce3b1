/** Plans that are kept: child in need, protection, care and pathway plans as documents. */
export { planRoutes } from './routes.ts';
export { recordPlanProgress, savePlan } from './service.ts';
