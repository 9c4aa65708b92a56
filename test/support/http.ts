import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApiApp } from '../../apps/api/src/bootstrap';
import { apiConfig } from './env';

export interface RunningApi {
  app: NestFastifyApplication;
  url: string;
  call(path: string, init?: RequestInit & { token?: string }): Promise<{ status: number; body: any; headers: Headers }>;
  close(): Promise<void>;
}

/** Boots the real API (Fastify, real services) on a free loopback port. */
export async function startApi(overrides: Record<string, string> = {}): Promise<RunningApi> {
  const app = await createApiApp(apiConfig(overrides));
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.getHttpServer().address() as { port: number };
  const url = `http://127.0.0.1:${address.port}`;
  return {
    app,
    url,
    async call(path, init = {}) {
      const { token, headers, ...rest } = init;
      const response = await fetch(`${url}${path}`, {
        ...rest,
        headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(headers as Record<string, string>) },
      });
      const text = await response.text();
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {
        // not JSON (e.g. the Swagger UI page)
      }
      return { status: response.status, body, headers: response.headers };
    },
    close: () => app.close(),
  };
}
