import type { FastifyInstance } from 'fastify';

/**
 * `application/octet-stream` bodies are handed to the route unread, as the request stream: the
 * evidence uploads (ADR 0012) stream them to MinIO themselves. Fastify's 1 MiB `bodyLimit` applies
 * only to the bodies Fastify buffers (JSON, text), so it does not cap these; the evidence room
 * enforces its own limit (EVIDENCE_MAX_FILE_MB) while streaming.
 */
export function acceptRawUploads(fastify: FastifyInstance): void {
  fastify.addContentTypeParser('application/octet-stream', (_request, payload, done) => done(null, payload));
}
