export * from './content-kind';
export * from './evidence-locks';
export * from './file-name';
export * from './upload-journal';
