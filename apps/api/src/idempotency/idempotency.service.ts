import { Injectable } from '@nestjs/common';
import type { Prisma } from '@prisma/client';
import { canonicalSha256 } from '@kasian/canonical';
import { PrismaService, prismaExecutor, type SqlExecutor, SqlTransactions } from '@kasian/database';
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

export type Idempotent<T> = MutationResult<T> & { replayed: boolean };

interface FirstAttempt {
  operation: string;
  request_hash: string;
  status: number;
  response: unknown;
}

/**
 * Runs a mutation in one transaction and, when the caller sent an Idempotency-Key, records its
 * result in that same transaction. A retry with the same key and request gets the recorded
 * result (replayed) without acting again; a concurrent duplicate waits on the key's row and
 * then gets the recorded result too. Failed attempts record nothing, so they can be retried.
 *
 * `runSql` is the hot path on plain `pg` (ADR 0010); `run` drives the same rule in a Prisma
 * transaction for mutations that still use the ORM.
 */
@Injectable()
export class IdempotencyService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly transactions: SqlTransactions,
  ) {}

  runSql<T>(scope: IdempotencyScope, work: (sql: SqlExecutor) => Promise<MutationResult<T>>): Promise<Idempotent<T>> {
    return this.transactions.run((sql) => once(sql, scope, () => work(sql)));
  }

  run<T>(scope: IdempotencyScope, work: (tx: Transaction) => Promise<MutationResult<T>>): Promise<Idempotent<T>> {
    return this.prisma.$transaction((tx) => once(prismaExecutor(tx), scope, () => work(tx)));
  }
}

async function once<T>(sql: SqlExecutor, scope: IdempotencyScope, work: () => Promise<MutationResult<T>>): Promise<Idempotent<T>> {
  if (!scope.key) return { ...(await work()), replayed: false };
  const id = [scope.officeId, scope.subject, scope.key];
  const requestHash = fingerprint(scope.operation, scope.request);
  const claimed = await sql.query(
    `INSERT INTO idempotency_records (office_id, subject, key, operation, request_hash, status, response)
     VALUES ($1::uuid, $2, $3, $4, $5, 0, 'null'::jsonb)
     ON CONFLICT DO NOTHING RETURNING 1 AS claimed`,
    [...id, scope.operation, requestHash],
    'idempotency.claim',
  );
  if (!claimed.length) return replay<T>(sql, id, requestHash);
  const result = await work();
  await sql.enqueue(
    `WITH recorded AS (
       UPDATE idempotency_records SET status = $4, response = $5::jsonb WHERE office_id = $1::uuid AND subject = $2 AND key = $3 RETURNING 1
     )
     SELECT kasian_expect(count(*) = 1, 'the claimed Idempotency-Key record is missing') FROM recorded`,
    [...id, result.status, JSON.stringify(result.body ?? null)],
    'idempotency.record',
  );
  return { ...result, replayed: false };
}

async function replay<T>(sql: SqlExecutor, id: string[], requestHash: string): Promise<Idempotent<T>> {
  const [first] = await sql.query<FirstAttempt>(
    `SELECT operation, request_hash, status, response FROM idempotency_records WHERE office_id = $1::uuid AND subject = $2 AND key = $3`,
    id,
    'idempotency.replay',
  );
  if (!first) throw new Error('The Idempotency-Key record vanished after its claim conflicted.');
  if (first.request_hash !== requestHash) throw new IdempotencyKeyReusedError(first.operation);
  return { status: first.status, body: first.response as T, replayed: true };
}

export function fingerprint(operation: string, request: unknown): string {
  return canonicalSha256({ operation, request });
}
