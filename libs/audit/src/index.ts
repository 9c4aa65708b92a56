export * from './audit.module';
export * from './audit.port';
export * from './prisma-audit-log';
