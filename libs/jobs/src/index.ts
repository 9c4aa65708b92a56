export * from './bull-options';
export * from './housekeeping';
