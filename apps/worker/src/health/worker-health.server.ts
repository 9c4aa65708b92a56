import { createServer, type Server } from 'node:http';
import { InjectQueue } from '@nestjs/bull';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Queue } from 'bull';
import { APP_CONFIG, type WorkerConfig } from '@kasian/config';
import { PrismaService } from '@kasian/database';
import { HOUSEKEEPING_QUEUE } from '@kasian/jobs';
import { AuditAlerts } from '../audit/audit-alerts';

type Check = () => Promise<unknown>;

/**
 * The worker has no HTTP API, but as its own deployable it answers
 * /health (liveness) and /health/ready (its PostgreSQL and Redis) for orchestrators.
 * `audit-chain` in the details reports open audit alerts (status "alert" with the latest):
 * visible to monitoring without making the worker unready, since restarting cannot fix a tampered trail.
 */
@Injectable()
export class WorkerHealthServer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(WorkerHealthServer.name);
  private server?: Server;

  constructor(
    @Inject(APP_CONFIG) private readonly config: WorkerConfig,
    private readonly prisma: PrismaService,
    @InjectQueue(HOUSEKEEPING_QUEUE) private readonly queue: Queue,
    private readonly alerts: AuditAlerts,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const checks: Record<string, Check> = { postgres: () => this.prisma.ping(), redis: () => this.queue.client.ping() };
    this.server = createServer(async (req, res) => {
      const ready = req.url === '/health/ready';
      if (!ready && req.url !== '/health') return void res.writeHead(404).end();
      const details: Record<string, { status: string }> = ready ? { ...(await runChecks(checks)), 'audit-chain': await this.auditChain() } : {};
      const up = Object.values(details).every((detail) => detail.status !== 'down');
      res.writeHead(up ? 200 : 503, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ status: up ? 'ok' : 'error', service: 'worker', details }));
    });
    await new Promise<void>((resolve) => this.server!.listen(this.config.WORKER_HEALTH_PORT, this.config.WORKER_HEALTH_HOST, resolve));
    this.logger.log(`health on http://${this.config.WORKER_HEALTH_HOST}:${this.config.WORKER_HEALTH_PORT}/health`);
  }

  private async auditChain(): Promise<{ status: string; openAlerts?: number; latest?: unknown; message?: string }> {
    try {
      const open = await this.alerts.open();
      return open.count ? { status: 'alert', openAlerts: open.count, latest: open.latest } : { status: 'up', openAlerts: 0 };
    } catch (error) {
      return { status: 'unknown', message: (error as Error).message };
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

async function runChecks(checks: Record<string, Check>) {
  const entries = await Promise.all(
    Object.entries(checks).map(async ([name, check]) => {
      try {
        await check();
        return [name, { status: 'up' }] as const;
      } catch (error) {
        return [name, { status: 'down', message: (error as Error).message }] as const;
      }
    }),
  );
  return Object.fromEntries(entries) as Record<string, { status: string; message?: string }>;
}
