import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Prisma } from '@prisma/client';
import canonicalize from 'canonicalize';
import { PrismaService } from '@kasian/database';
import { IdempotencyKeyReusedError } from './idempotency.errors';

export type Transaction = Prisma.TransactionClient;

export interface IdempotencyScope {
  officeId: string;
  subject: string;
  key: string | undefined;
  /** e.g. "POST /documents/:id/decisions" */
  operation: string;
  /** Everything that defines the request: path parameters and body. */
  request: unknown;
}

export interface MutationResult<T> {
  status: number;
  body: T;
}

/**
 * Runs a mutation in one transaction and, when the caller sent an Idempotency-Key, records its
 * result in that same transaction. A retry with the same key and request gets the recorded
 * result (replayed) without acting again; a concurrent duplicate waits on the key's row and
 * then gets the recorded result too. Failed attempts record nothing, so they can be retried.
 */
@Injectable()
export class IdempotencyService {
  constructor(private readonly prisma: PrismaService) {}

  async run<T>(scope: IdempotencyScope, work: (tx: Transaction) => Promise<MutationResult<T>>): Promise<MutationResult<T> & { replayed: boolean }> {
    if (!scope.key) return { ...(await this.prisma.$transaction(work)), replayed: false };
    const id = { officeId: scope.officeId, subject: scope.subject, key: scope.key };
    const requestHash = fingerprint(scope.operation, scope.request);
    return this.prisma.$transaction(async (tx) => {
      const claimed = await tx.$executeRaw`
        INSERT INTO idempotency_records (office_id, subject, key, operation, request_hash, status, response)
        VALUES (${id.officeId}::uuid, ${id.subject}, ${id.key}, ${scope.operation}, ${requestHash}, 0, 'null'::jsonb)
        ON CONFLICT DO NOTHING`;
      if (!claimed) {
        const first = await tx.idempotencyRecord.findUniqueOrThrow({ where: { officeId_subject_key: id } });
        if (first.requestHash !== requestHash) throw new IdempotencyKeyReusedError(first.operation);
        return { status: first.status, body: first.response as T, replayed: true };
      }
      const result = await work(tx);
      await tx.idempotencyRecord.update({
        where: { officeId_subject_key: id },
        data: { status: result.status, response: JSON.parse(JSON.stringify(result.body ?? null)) as Prisma.InputJsonValue },
      });
      return { ...result, replayed: false };
    });
  }
}

export function fingerprint(operation: string, request: unknown): string {
  return createHash('sha256').update(canonicalize({ operation, request }) ?? '').digest('hex');
}
