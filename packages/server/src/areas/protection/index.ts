/** Child protection — strategy discussions, section 47 enquiries, conferences, plans: this area's face. */
export { protectionRoutes } from './routes.ts';
export { currentProtectionPlan, protectionRecords } from './service.ts';
