/** The supervision area's public face: what other areas and the server use. */
export { supervisionRoutes } from './routes.ts';
export { workerWorklist } from './service.ts';
