/** The children area's public face: what other areas and the server use. */
export { childrenRoutes } from './routes.ts';
export { childView } from './views.ts';
