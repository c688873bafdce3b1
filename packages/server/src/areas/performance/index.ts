/** The performance area's public face: what other areas, the server and the command line use. */
export { storeBenchmarks, storeNeighbours } from './benchmark.ts';
export { performanceRoutes } from './routes.ts';
export { computeAll, computeIndicator, POPULATION_SETTING } from './service.ts';
