/** Looked-after children — periods of care, placements, reviews, missing episodes, providers: this area's face. */
export { lookedAfterRoutes } from './routes.ts';
