import { BullModule } from '@nestjs/bull';
import { type DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { AuthModule } from '@kasian/auth';
import { type ApiConfig, AppConfigModule } from '@kasian/config';
import { DatabaseModule } from '@kasian/database';
import { bullRootOptions } from '@kasian/jobs';
import { loggerParams } from '@kasian/observability';
import { StorageModule } from '@kasian/storage';
import { HealthModule } from './health/health.module';
import { HousekeepingModule } from './housekeeping/housekeeping.module';
import { IdentityModule } from './identity/identity.module';

@Module({})
export class ApiModule {
  static forConfig(config: ApiConfig): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        AppConfigModule.forRoot(config),
        LoggerModule.forRoot(loggerParams('api', config.LOG_LEVEL)),
        BullModule.forRoot(bullRootOptions(config.REDIS_URL, config.QUEUE_PREFIX)),
        DatabaseModule,
        StorageModule,
        AuthModule,
        HealthModule,
        IdentityModule,
        HousekeepingModule,
      ],
    };
  }
}
