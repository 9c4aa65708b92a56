export * from './audit';
export * from './bull-options';
export * from './housekeeping';
export * from './pdf';
