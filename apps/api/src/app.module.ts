import { BullModule } from '@nestjs/bull';
import { type DynamicModule, Module, type Type } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { AuditModule, type AuditPort } from '@kasian/audit';
import { AuthModule } from '@kasian/auth';
import { type ApiConfig, AppConfigModule } from '@kasian/config';
import { DatabaseModule } from '@kasian/database';
import { bullRootOptions } from '@kasian/jobs';
import { loggerParams } from '@kasian/observability';
import { StorageModule } from '@kasian/storage';
import { BundlesModule } from './bundles/bundles.module';
import { EvidenceModule } from './evidence/evidence.module';
import { AuditTrailModule } from './audit/audit-trail.module';
import { HealthModule } from './health/health.module';
import { HousekeepingModule } from './housekeeping/housekeeping.module';
import { IdempotencyModule } from './idempotency/idempotency.module';
import { IdentityModule } from './identity/identity.module';
import { ItaModule } from './ita/ita.module';
import { PrintingModule } from './printing/printing.module';
import { RegistryModule } from './registry/registry.module';
import { RoutingModule } from './routing/routing.module';

/** What a benchmark may swap; production passes nothing, so the audit port is always the hash-chained log. */
export interface ApiModuleOverrides {
  /** Another audit port (bench/support/unaudited-api.ts only). */
  auditPort?: Type<AuditPort>;
}

@Module({})
export class ApiModule {
  static forConfig(config: ApiConfig, overrides: ApiModuleOverrides = {}): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        AppConfigModule.forRoot(config),
        LoggerModule.forRoot(loggerParams('api', config.LOG_LEVEL)),
        BullModule.forRoot(bullRootOptions(config.REDIS_URL, config.QUEUE_PREFIX)),
        DatabaseModule,
        StorageModule,
        AuthModule,
        AuditModule.forRoot(overrides.auditPort),
        IdempotencyModule,
        HealthModule,
        IdentityModule,
        HousekeepingModule,
        RoutingModule,
        RegistryModule,
        ItaModule,
        PrintingModule,
        EvidenceModule,
        BundlesModule,
        AuditTrailModule,
      ],
    };
  }
}
