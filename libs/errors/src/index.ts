export * from './common-errors';
export * from './domain-error';
