/** The access area's public face: sign-in, users and the audit trail's routes. */
export { accessRoutes } from './routes.ts';
