/** Looked-after children — periods of care, placements, reviews, missing episodes, providers: this area's face. */
export { lookedAfterRoutes } from './routes.ts';
/** A change of legal status (an order made in court proceedings) is the episode's change: the legal area records it here. */
export { changeCare, openClaEpisode } from './episodes.ts';
