import { Module } from '@nestjs/common';
import { IdentityModule } from '../identity/identity.module';
import { AuditController } from './audit.controller';
import { AuditQueries } from './audit-queries';

/** The auditors' side of the trail: verification, export, alerts (the trail itself is libs/audit). */
@Module({ imports: [IdentityModule], controllers: [AuditController], providers: [AuditQueries] })
export class AuditTrailModule {}
