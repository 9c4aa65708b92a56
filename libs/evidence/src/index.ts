export * from './content-kind';
export * from './evidence-locks';
export * from './file-name';
