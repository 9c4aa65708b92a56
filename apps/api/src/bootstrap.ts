import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import type { ApiConfig } from '@kasian/config';
import { requestIdFor } from '@kasian/observability';
import { ApiModule, type ApiModuleOverrides } from './app.module';
import { DomainExceptionFilter } from './http/domain-exception.filter';
import { acceptRawUploads } from './http/raw-upload';
import { kasianValidationPipe } from './http/validation';

/** Builds the configured API application without listening, for main() and for end-to-end tests. */
export async function createApiApp(config: ApiConfig, overrides: ApiModuleOverrides = {}): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({ genReqId: requestIdFor, bodyLimit: 1_048_576, return503OnClosing: true });
  const app = await NestFactory.create<NestFastifyApplication>(ApiModule.forConfig(config, overrides), adapter, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRequest', async (request, reply) => {
      reply.header('x-request-id', request.id);
    });
  // CSV imports (ITA) are read as a stream by the handler, which bounds their size itself.
  app
    .getHttpAdapter()
    .getInstance()
    .addContentTypeParser('text/csv', (_request, payload, done) => done(null, payload));
  acceptRawUploads(app.getHttpAdapter().getInstance());
  app.useGlobalPipes(kasianValidationPipe());
  app.useGlobalFilters(new DomainExceptionFilter());
  app.enableShutdownHooks();
  mountOpenApi(app, config);
  return app;
}

function mountOpenApi(app: NestFastifyApplication, config: ApiConfig): void {
  const document = new DocumentBuilder()
    .setTitle('Kasian API — ระบบเกษียนหนังสือ')
    .setDescription(
      'Drafting, routing and signing off memos (บันทึกข้อความ), orders (คำสั่ง) and ITA reports. ' +
        'Errors always have the shape { code, message, messageTh, details, requestId }.',
    )
    .setVersion('0.1.0')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'Keycloak access token (realm kasian)' })
    .addServer(config.API_PUBLIC_URL ?? `http://${config.API_HOST}:${config.API_PORT}`)
    .build();
  SwaggerModule.setup('docs', app, SwaggerModule.createDocument(app, document), { jsonDocumentUrl: 'docs-json' });
}
