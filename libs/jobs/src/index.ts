export * from './audit';
export * from './bull-options';
export * from './evidence';
export * from './housekeeping';
export * from './pdf';
