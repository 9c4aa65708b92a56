import { type DynamicModule, Global, Module, type Type } from '@nestjs/common';
import { AuditTrails } from './audit-trails';
import { AuditPort } from './audit.port';
import { ChainedAuditLog } from './chained-audit-log';
import { CheckpointStore } from './checkpoint-store';

/**
 * The audit port and the trail's readers, for the api and the worker. The port is the hash-chained
 * log; only the audit benchmark passes another (bench/support/unaudited-api.ts), to measure what
 * auditing costs. The production entry points never pass one.
 */
@Global()
@Module({})
export class AuditModule {
  static forRoot(port: Type<AuditPort> = ChainedAuditLog): DynamicModule {
    return {
      module: AuditModule,
      providers: [{ provide: AuditPort, useClass: port }, CheckpointStore, AuditTrails],
      exports: [AuditPort, CheckpointStore, AuditTrails],
    };
  }
}
