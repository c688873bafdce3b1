/** Legal planning, pre-proceedings and care proceedings (the Public Law Outline): this area's face. */
export { legalRoutes } from './routes.ts';
export { LEGAL_OBLIGATIONS } from './obligations.ts';
