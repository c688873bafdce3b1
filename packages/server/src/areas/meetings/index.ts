/** Conferences and looked-after reviews as the practice record, and the IRO's escalations. */
export { meetingsRoutes } from './routes.ts';
export { childVoice } from './views.ts';
