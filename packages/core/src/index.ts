export * from './calendar.ts';
export * from './codes.ts';
export * from './identifiers.ts';
export * from './permissions.ts';
export * from './schemas.ts';
export * from './views.ts';
export * from './pathway.ts';
export * from './timescales.ts';
