import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApiApp } from '../../apps/api/src/bootstrap';
import { apiConfig, e2eDatabaseUrl } from './env';
import { spawnBuilt, waitForHttp } from './processes';

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

export interface BuiltApi {
  url: string;
  stop(): Promise<void>;
}

/**
 * The compiled API (dist/) in a process of its own, as production runs it: a load test then
 * measures the API rather than Jest's module sandbox, and the API gets a core of its own.
 */
export async function startBuiltApi(overrides: Record<string, string> = {}): Promise<BuiltApi> {
  const port = String(30_000 + Math.floor(Math.random() * 20_000));
  const api = spawnBuilt('dist/apps/api/src/main.js', { ...process.env, DATABASE_URL: e2eDatabaseUrl(), LOG_LEVEL: 'warn', API_HOST: '127.0.0.1', API_PORT: port, ...overrides });
  const url = `http://127.0.0.1:${port}`;
  await waitForHttp(`${url}/health`, 30_000).catch(async (error: Error) => {
    await api.stop();
    throw new Error(`${error.message}\n${api.output()}`);
  });
  return { url, stop: async () => void (await api.stop()) };
}
