import { spawnSync } from 'node:child_process';
import { Logger } from '@nestjs/common';
import pg from 'pg';
import { AuditTrails, ChainBuilder, CheckpointStore, ChainedAuditLog, NoTimestampAuthority, SYSTEM_ACTOR, type VerificationResult } from '@kasian/audit';
import type { SqlTransactions } from '@kasian/database';
import { StorageService } from '@kasian/storage';
import { AuditAlerts } from '../../apps/worker/src/audit/audit-alerts';
import { AuditCheckpoints } from '../../apps/worker/src/audit/audit-checkpoints';
import { workerConfig } from './env';
import { asSuperuser, e2eDatabaseUrl } from './environment';

/** The services below log through Nest's console logger outside an app: errors only. */
Logger.overrideLogger(['error']);

const WORDS = ['เสนอ', 'เห็นชอบ', 'เห็นควรอนุมัติ', 'อนุมัติ / ให้ดำเนินการ'];

/** `count` events of an office through the real audit port, one transaction each, like route actions. */
export async function appendEvents(sql: SqlTransactions, officeId: string, count: number): Promise<void> {
  const log = new ChainedAuditLog();
  for (let n = 1; n <= count; n++) {
    await sql.run((tx) =>
      log.append(tx, {
        officeId,
        action: 'route.decided',
        actor: { ...SYSTEM_ACTOR, subject: `e2e-${n}` },
        target: { type: 'document', id: `doc-${n % 3}` },
        versionHash: 'ab'.repeat(32),
        requestId: `req-${n}`,
        occurredAt: new Date(),
        payload: { n, word: WORDS[n % WORDS.length], comment: 'เห็นควรนำเรียนผู้บังคับบัญชาพิจารณา', amount: 12_500.5 + n },
      }),
    );
  }
}

/** The worker's checkpoint and self-check service, wired by hand on the real services (no queue). */
export function auditServices(sql: SqlTransactions) {
  const config = workerConfig();
  const storage = new StorageService(config);
  const store = new CheckpointStore(storage);
  const trails = new AuditTrails(sql, store, config);
  const alerts = new AuditAlerts(sql);
  const checkpoints = new AuditCheckpoints(sql, trails, store, storage, alerts, new NoTimestampAuthority(), config);
  return {
    storage,
    store,
    trails,
    alerts,
    checkpoints,
    async ready() {
      await storage.ensureBuckets();
      await checkpoints.onModuleInit();
    },
    /** Signs the office's head now (the worker's job does this every minute when it moved). */
    sign: (officeId: string) => checkpoints.checkpointOffice({ officeId, signedSeq: 0 }),
  };
}

/**
 * Runs SQL on the end-to-end database as the PostgreSQL superuser with triggers off for the session
 * (`session_replication_role = replica`): what a database administrator could do to the trail.
 */
export async function asDatabaseAdministrator<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: asSuperuser(e2eDatabaseUrl()).replace(/\?.*$/, '') });
  await client.connect();
  try {
    await client.query(`SET session_replication_role = replica`);
    return await work(client);
  } finally {
    await client.end();
  }
}

/** After an edit, the administrator recomputes every hash from `fromSeq` on (the formula is public) and the head. */
export async function recomputeChain(trails: AuditTrails, officeId: string, fromSeq: number): Promise<void> {
  const lines = [];
  for await (const line of trails.lines(officeId, fromSeq, Number.MAX_SAFE_INTEGER)) lines.push(line);
  const chain = new ChainBuilder(fromSeq - 1, lines[0].prevHash);
  const rehashed = lines.map((line) => chain.append(line.event, line.payload!));
  await asDatabaseAdministrator(async (client) => {
    for (const line of rehashed) await client.query(`UPDATE audit_events SET hash = decode($3, 'hex') WHERE office_id = $1 AND seq = $2`, [officeId, line.seq, line.hash]);
    await client.query(`UPDATE audit_chain_heads SET last_hash = decode($2, 'hex') WHERE office_id = $1`, [officeId, rehashed.at(-1)!.hash]);
  });
}

/** The real CLI, online (PostgreSQL and MinIO) or offline from an export directory; its exit code and JSON result. */
export function auditCli(args: string[]): { status: number | null; result: VerificationResult | null; output: string } {
  const run = spawnSync(process.execPath, ['dist/apps/api/src/cli/audit.js', ...args], { env: { ...process.env, DATABASE_URL: e2eDatabaseUrl() }, encoding: 'utf8' });
  let result: VerificationResult | null = null;
  try {
    result = JSON.parse(run.stdout);
  } catch {
    // not --json, or it failed before printing
  }
  if (!result) process.stderr.write(`audit CLI gave no JSON (exit ${run.status}):\n${run.stdout}\n${run.stderr}\n`);
  return { status: run.status, result, output: `${run.stdout}\n${run.stderr}` };
}
