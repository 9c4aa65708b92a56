import { BullModule } from '@nestjs/bull';
import { type DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { AuditModule, NoTimestampAuthority, Rfc3161TimestampAuthority, TimestampAuthority } from '@kasian/audit';
import { AppConfigModule, type WorkerConfig } from '@kasian/config';
import { DatabaseModule } from '@kasian/database';
import { AUDIT_QUEUE, bullRootOptions, EVIDENCE_QUEUE, HOUSEKEEPING_QUEUE, PDF_QUEUE } from '@kasian/jobs';
import { loggerParams } from '@kasian/observability';
import { StorageModule } from '@kasian/storage';
import { AuditAlerts } from './audit/audit-alerts';
import { AuditCheckpoints } from './audit/audit-checkpoints';
import { AuditChecksProcessor } from './audit/audit-checks.processor';
import { EvidenceLockProcessor } from './evidence/evidence-lock.processor';
import { EvidenceUploadSweepProcessor } from './evidence/evidence-upload-sweep.processor';
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
        BullModule.registerQueue({ name: AUDIT_QUEUE }),
        DatabaseModule,
        StorageModule,
        AuditModule.forRoot(),
      ],
      providers: [
        HeartbeatProcessor,
        RenderPdfProcessor,
        EvidenceLockProcessor,
        EvidenceUploadSweepProcessor,
        WorkerHealthServer,
        AuditAlerts,
        AuditCheckpoints,
        AuditChecksProcessor,
        { provide: TimestampAuthority, useValue: timestampAuthority(config) },
      ],
    };
  }
}

/** RFC 3161 time-stamps when a TSA is configured (ADR 0014). */
function timestampAuthority(config: WorkerConfig): TimestampAuthority {
  return config.AUDIT_TSA_URL ? new Rfc3161TimestampAuthority(config.AUDIT_TSA_URL, config.AUDIT_TSA_TIMEOUT_MS) : new NoTimestampAuthority();
}
