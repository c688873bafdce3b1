export * from './catalogue.ts';
export * from './model.ts';
export * from './rule.ts';
export * from './validate.ts';
