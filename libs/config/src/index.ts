export * from './config.schema';
export * from './config.tokens';
export * from './load-config';
export * from './config.module';
