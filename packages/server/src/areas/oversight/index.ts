/** The oversight area's public face: what other areas and the server use. */
export { oversightRoutes } from './routes.ts';
