import { BullModule } from '@nestjs/bull';
import { type DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { AuditModule } from '@kasian/audit';
import { AppConfigModule, type WorkerConfig } from '@kasian/config';
import { DatabaseModule } from '@kasian/database';
import { bullRootOptions, EVIDENCE_QUEUE, HOUSEKEEPING_QUEUE, PDF_QUEUE } from '@kasian/jobs';
import { loggerParams } from '@kasian/observability';
import { StorageModule } from '@kasian/storage';
import { EvidenceLockProcessor } from './evidence/evidence-lock.processor';
import { WorkerHealthServer } from './health/worker-health.server';
import { HeartbeatProcessor } from './housekeeping/heartbeat.processor';
import { RenderPdfProcessor } from './pdf/render-pdf.processor';

@Module({})
export class WorkerModule {
  static forConfig(config: WorkerConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        AppConfigModule.forRoot(config),
        LoggerModule.forRoot(loggerParams('worker', config.LOG_LEVEL)),
        BullModule.forRoot(bullRootOptions(config.REDIS_URL, config.QUEUE_PREFIX)),
        BullModule.registerQueue({ name: HOUSEKEEPING_QUEUE }),
        BullModule.registerQueue({ name: PDF_QUEUE }),
        BullModule.registerQueue({ name: EVIDENCE_QUEUE }),
        DatabaseModule,
        StorageModule,
        AuditModule,
      ],
      providers: [HeartbeatProcessor, RenderPdfProcessor, EvidenceLockProcessor, WorkerHealthServer],
    };
  }
}
