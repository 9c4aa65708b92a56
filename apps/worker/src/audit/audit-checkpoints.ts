import type { KeyObject } from 'node:crypto';
import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import {
  AuditTrails,
  type CheckpointBody,
  CheckpointStore,
  loadSigningKey,
  signCheckpoint,
  type StoredCheckpoint,
  TimestampAuthority,
  TrailVerifier,
  type VerificationResult,
} from '@kasian/audit';
import { APP_CONFIG, type WorkerConfig } from '@kasian/config';
import { SqlTransactions } from '@kasian/database';
import type { AuditJobResult } from '@kasian/jobs';
import { StorageService } from '@kasian/storage';
import { AuditAlerts } from './audit-alerts';

interface OfficeHead {
  officeId: string;
  headSeq: number;
  /** The last checkpoint the database knows of: only a hint where to look in MinIO. */
  signedSeq: number;
}

const HEADS = `
  SELECT h.office_id AS "officeId", h.last_seq AS "headSeq",
         COALESCE((SELECT max(c.seq) FROM audit_checkpoints c WHERE c.office_id = h.office_id), 0) AS "signedSeq"
    FROM audit_chain_heads h WHERE h.last_seq > 0 ORDER BY h.office_id`;

/**
 * The worker's side of ADR 0014. Checkpoints: for each office whose chain head moved, verify the
 * events since its latest checkpoint in MinIO (so a tampered chain is never signed), sign the head
 * {officeId, seq, hash, time} with the Ed25519 key from AUDIT_SIGNING_KEY_FILE, optionally have it
 * time-stamped, and store it in the object-locked checkpoints bucket. Self-check: verify every
 * office's whole trail against its latest checkpoint; a break raises an alert.
 */
@Injectable()
export class AuditCheckpoints implements OnModuleInit {
  private readonly logger = new Logger(AuditCheckpoints.name);
  private readonly key: KeyObject;

  constructor(
    private readonly sql: SqlTransactions,
    private readonly trails: AuditTrails,
    private readonly store: CheckpointStore,
    private readonly storage: StorageService,
    private readonly alerts: AuditAlerts,
    private readonly tsa: TimestampAuthority,
    @Inject(APP_CONFIG) private readonly config: WorkerConfig,
  ) {
    this.key = loadSigningKey(config.AUDIT_SIGNING_KEY_FILE);
  }

  async onModuleInit(): Promise<void> {
    await this.storage.requireComplianceRetention('checkpoints', this.config.AUDIT_CHECKPOINT_RETENTION_DAYS);
  }

  /** Signs every office whose head moved since its last checkpoint. */
  async checkpointMovedHeads(now = new Date()): Promise<AuditJobResult> {
    const heads = (await this.heads()).filter((head) => head.headSeq > head.signedSeq);
    let done = 0;
    let broken = 0;
    for (const head of heads) {
      const outcome = await this.checkpointOffice(head, now).catch((error: Error) => {
        this.logger.error({ officeId: head.officeId, err: error }, 'checkpoint failed');
        return 'failed' as const;
      });
      if (outcome === 'signed') done++;
      if (outcome === 'broken') broken++;
    }
    return { offices: heads.length, done, broken };
  }

  /** Verifies the events since the office's latest checkpoint, then signs and stores the head. */
  async checkpointOffice(head: Pick<OfficeHead, 'officeId' | 'signedSeq'>, now = new Date()): Promise<'signed' | 'unchanged' | 'broken'> {
    const latest = await this.trails.latestCheckpoints(head.officeId, head.signedSeq);
    const result = await this.verifySince(head.officeId, latest);
    if (!result.ok) {
      await this.alerts.raise(head.officeId, result.failure!, 'checkpoint');
      return 'broken';
    }
    const anchor = latest[0]?.signed.checkpoint.seq ?? 0;
    if (result.lastSeq === null || result.lastSeq <= anchor) return 'unchanged';
    await this.sign({ v: 1, officeId: head.officeId, seq: result.lastSeq, hash: result.lastHash!, time: now.toISOString() });
    return 'signed';
  }

  /** Every office's whole trail against its latest checkpoint in MinIO. */
  async selfCheck(): Promise<AuditJobResult> {
    const heads = await this.heads();
    let broken = 0;
    for (const head of heads) {
      const latest = await this.trails.latestCheckpoints(head.officeId, head.signedSeq);
      const result = await this.trails.verifyOffice(head.officeId, latest.map((stored) => stored.signed));
      if (result.ok) continue;
      broken++;
      await this.alerts.raise(head.officeId, result.failure!, 'self-check');
    }
    this.logger.log({ offices: heads.length, broken }, 'audit self-check');
    return { offices: heads.length, done: heads.length, broken };
  }

  private async heads(): Promise<OfficeHead[]> {
    const rows = await this.sql.query<{ officeId: string; headSeq: string; signedSeq: string }>(HEADS, [], 'audit.heads');
    return rows.map((row) => ({ officeId: row.officeId, headSeq: Number(row.headSeq), signedSeq: Number(row.signedSeq) }));
  }

  /** From the latest checkpoint's own event on (its hash must match), or from the start when there is none. */
  private async verifySince(officeId: string, latest: StoredCheckpoint[]): Promise<VerificationResult> {
    const fromSeq = latest[0]?.signed.checkpoint.seq ?? 1;
    const verifier = new TrailVerifier({ officeId, checkpoints: latest.map((stored) => stored.signed), keys: this.trails.keys, fromSeq });
    const head = await this.trails.headSeq(officeId);
    for await (const line of this.trails.lines(officeId, fromSeq, head)) verifier.add(line);
    return verifier.finish();
  }

  private async sign(body: CheckpointBody): Promise<void> {
    const signed = signCheckpoint(body, this.key);
    signed.timestamp = await this.tsa.stamp(body).catch((error: Error) => {
      this.logger.warn({ officeId: body.officeId, seq: body.seq, err: error }, 'no time-stamp for this checkpoint');
      return null;
    });
    const stored = await this.store.write(signed);
    await this.sql.query(
      `INSERT INTO audit_checkpoints (office_id, seq, hash, signed_at, key_id, object_key, version_id)
       VALUES ($1::uuid, $2::bigint, decode($3, 'hex'), $4::timestamptz, $5, $6, $7) ON CONFLICT (office_id, seq) DO NOTHING`,
      [body.officeId, body.seq, body.hash, body.time, signed.keyId, stored.key, stored.versionId],
      'audit.checkpoint-record',
    );
    this.logger.log({ officeId: body.officeId, seq: body.seq, key: stored.key }, 'audit checkpoint');
  }
}
