export * from './part-upload';
export * from './storage.errors';
export * from './storage.module';
export * from './storage.service';
