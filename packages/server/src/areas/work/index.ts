/** The day's work — each role's landing page and the child's What is due: this area's face to the rest of the server. */
export { workRoutes } from './routes.ts';
export { landing } from './service.ts';
