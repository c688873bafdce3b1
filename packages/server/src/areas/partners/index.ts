/** Partner agencies — organisations, requests and answers, contributions, housing: this area's face. */
export { partnersRoutes } from './routes.ts';
