import { InjectQueue } from '@nestjs/bull';
import { Controller, Get, Inject, ServiceUnavailableException } from '@nestjs/common';
import { HealthCheck, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Queue } from 'bull';
import { Authorize } from '@kasian/auth';
import { APP_CONFIG, type ApiConfig } from '@kasian/config';
import { PrismaService } from '@kasian/database';
import { NotReadyError } from '@kasian/errors';
import { HOUSEKEEPING_QUEUE } from '@kasian/jobs';
import { StorageService } from '@kasian/storage';

@ApiTags('health')
@Controller('health')
@Authorize.Public()
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicator: HealthIndicatorService,
    private readonly prisma: PrismaService,
    private readonly storage: StorageService,
    @InjectQueue(HOUSEKEEPING_QUEUE) private readonly queue: Queue,
    @Inject(APP_CONFIG) private readonly config: ApiConfig,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Liveness: the process is up and serving' })
  @HealthCheck()
  live() {
    return this.health.check([]);
  }

  @Get('ready')
  @ApiOperation({ summary: 'Readiness: PostgreSQL, Redis, MinIO and Keycloak each answer' })
  @HealthCheck()
  async ready() {
    const timeout = this.config.READINESS_TIMEOUT_MS;
    return this.health
      .check([
      () => this.indicator.check('postgres').attempt(() => this.prisma.ping()).withTimeout(timeout),
      () => this.indicator.check('redis').attempt(async () => ({ reply: await this.queue.client.ping() })).withTimeout(timeout),
      () => this.indicator.check('minio').attempt(() => this.storage.ping()).withTimeout(timeout),
      () => this.indicator.check('keycloak').attempt(({ signal }) => this.realmKeys(signal)).withTimeout(timeout),
      ])
      .catch(notReady);
  }

  /** The realm publishes at least one signing key: without it no token can be verified. */
  private async realmKeys(signal: AbortSignal) {
    const url = this.config.OIDC_JWKS_URL ?? `${this.config.OIDC_ISSUER}/protocol/openid-connect/certs`;
    const response = await fetch(url, { signal });
    if (!response.ok) throw new Error(`JWKS answered ${response.status}`);
    const { keys } = (await response.json()) as { keys: { use?: string }[] };
    const signingKeys = keys.filter((key) => key.use !== 'enc').length;
    if (!signingKeys) throw new Error('the realm publishes no signing key');
    return { signingKeys };
  }
}

/** Terminus reports a failed check as a 503 HttpException; answer it in Kasian's error shape, per dependency. */
function notReady(error: unknown): never {
  if (!(error instanceof ServiceUnavailableException)) throw error;
  const { details } = error.getResponse() as { details: Record<string, { status: string }> };
  const down = Object.entries(details).filter(([, detail]) => detail.status !== 'up').map(([name]) => name);
  throw new NotReadyError(down, details);
}
