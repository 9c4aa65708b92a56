export * from './database.module';
export * from './prisma.service';
export * from './sql-transactions';
export * from './roles';
