import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Params } from 'nestjs-pino';

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * Honours a caller's X-Request-Id when it is sane, otherwise makes one. The id
 * is stored on the raw request so Fastify, pino-http, error bodies and the
 * X-Request-Id response header agree.
 */
export function requestIdFor(req: IncomingMessage): string {
  const known = (req as { id?: unknown }).id;
  if (typeof known === 'string' && known) return known;
  const header = req.headers['x-request-id'];
  const given = Array.isArray(header) ? header[0] : header;
  const id = given && REQUEST_ID.test(given) ? given : randomUUID();
  (req as { id?: string }).id = id;
  return id;
}

/** Structured JSON logs for both deployables; `service` tells their lines apart. */
export function loggerParams(service: 'api' | 'worker', level: string): Params {
  return {
    pinoHttp: {
      level,
      base: { service },
      timestamp: () => `,"time":"${new Date().toISOString()}"`,
      genReqId: (req: IncomingMessage) => requestIdFor(req),
      redact: { paths: ['req.headers.authorization', 'req.headers.cookie'], censor: '[redacted]' },
      customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
      autoLogging: { ignore: (req) => (req.url ?? '').startsWith('/health') },
    },
  };
}
