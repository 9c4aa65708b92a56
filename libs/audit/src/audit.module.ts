import { Global, Module } from '@nestjs/common';
import { AuditPort } from './audit.port';
import { PrismaAuditLog } from './prisma-audit-log';

@Global()
@Module({ providers: [{ provide: AuditPort, useClass: PrismaAuditLog }], exports: [AuditPort] })
export class AuditModule {}
