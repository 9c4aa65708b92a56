import { Readable } from 'node:stream';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type SharedConfig } from '@kasian/config';
import { type SqlExecutor, SqlTransactions } from '@kasian/database';
import { canonicalJson } from '@kasian/canonical';
import { eventHeader, GENESIS_HASH_HEX, payloadSha256 } from './chain';
import type { PublicKeyRing, SignedCheckpoint } from './checkpoint';
import { CheckpointStore, type StoredCheckpoint } from './checkpoint-store';
import { loadPublicKeys } from './signing-keys';
import { formatTrailHeader, formatTrailLine, type TrailHeader, type TrailLine } from './trail-line';
import { TrailVerifier, type VerificationResult } from './verifier';

export interface OfficeRef {
  id: string;
  code: string;
}

/** An event's target, e.g. `{ type: 'evidence', id }`. */
export interface TrailTarget {
  type: string;
  id: string;
}

/** Which events: a whole office, one document's events, or some targets' events within the office's chain. */
export interface TrailSelector {
  officeId: string;
  documentId?: string;
  /** Without `documentId`: the stretch of chain holding these targets' events (e.g. evidence files linked to ITA measures, ADR 0017). */
  targets?: readonly TrailTarget[];
  /** With `documentId` or `targets`: other targets whose payloads stay in the trail too (e.g. the document's evidence files, for a bundle). */
  keepPayloadsOf?: readonly TrailTarget[];
}

/** A file of an export or an auditor bundle: its name and its bytes, whole or streamed. */
export interface TrailFile {
  name: string;
  content: Buffer | Readable;
}

export interface TrailExport {
  header: TrailHeader;
  /** The signed checkpoints in the trail's range (what `checkpoints.jsonl` holds). */
  checkpoints: SignedCheckpoint[];
  /** `trail.jsonl`, `checkpoints.jsonl`, `public-keys.pem`: what `audit:verify --from-export` reads. */
  files: TrailFile[];
}

export const TRAIL_FILE = 'trail.jsonl';
export const CHECKPOINTS_FILE = 'checkpoints.jsonl';
export const PUBLIC_KEYS_FILE = 'public-keys.pem';

/** An `audit_events` row as read with EVENT_COLUMNS. */
export interface EventRow {
  seq: string;
  hash: string | null;
  office_id: string;
  occurred_at: Date;
  action: string;
  actor_subject: string | null;
  actor_person_id: string | null;
  actor_position_id: string | null;
  on_behalf_of_position_id: string | null;
  order_ref: string | null;
  target_type: string;
  target_id: string;
  version_hash: string | null;
  request_id: string | null;
  payload: unknown;
}

const PAGE = 2_000;

export const EVENT_COLUMNS = `seq, encode(hash, 'hex') AS hash, office_id, occurred_at, action, actor_subject, actor_person_id, actor_position_id,
         on_behalf_of_position_id, order_ref, target_type, target_id, version_hash, request_id, payload`;

const EVENTS = `
  SELECT ${EVENT_COLUMNS}
    FROM audit_events WHERE office_id = $1::uuid AND seq > $2::bigint AND seq <= $3::bigint ORDER BY seq LIMIT ${PAGE}`;

/** A stored event's canonical header, rebuilt from its columns exactly as the append built it. */
export function headerOfRow(row: EventRow): string {
  return eventHeader({
    officeId: row.office_id,
    occurredAt: row.occurred_at,
    action: row.action,
    actor: { subject: row.actor_subject, personId: row.actor_person_id, positionId: row.actor_position_id, onBehalfOfPositionId: row.on_behalf_of_position_id, orderRef: row.order_ref },
    target: { type: row.target_type, id: row.target_id },
    versionHash: row.version_hash,
    requestId: row.request_id,
  });
}

/** A stored event as its trail line. */
function lineOf(row: EventRow, prevHash: string, elide: boolean): TrailLine {
  const payload = canonicalJson(row.payload);
  const line = { seq: Number(row.seq), prevHash, hash: row.hash ?? '', event: headerOfRow(row) };
  return elide ? { ...line, payload: null, payloadSha256: payloadSha256(payload) } : { ...line, payload, payloadSha256: null };
}

/**
 * Reading, exporting and verifying an office's audit trail: events from PostgreSQL (rebuilt into
 * their canonical lines), checkpoints from MinIO, public keys from the key file. Used by the
 * auditors' API, the `audit` CLI and the worker's checks alike.
 */
@Injectable()
export class AuditTrails {
  readonly keys: PublicKeyRing;

  constructor(
    private readonly sql: SqlTransactions,
    private readonly checkpoints: CheckpointStore,
    @Inject(APP_CONFIG) config: Pick<SharedConfig, 'AUDIT_PUBLIC_KEY_FILE'>,
  ) {
    this.keys = loadPublicKeys(config.AUDIT_PUBLIC_KEY_FILE);
  }

  /** By id or by code. */
  async office(idOrCode: string): Promise<OfficeRef | null> {
    const [office] = await this.sql.query<OfficeRef>(`SELECT id, code FROM offices WHERE id::text = $1 OR code = $1`, [idOrCode], 'audit.office');
    return office ?? null;
  }

  async headSeq(officeId: string, sql: SqlExecutor = this.sql): Promise<number> {
    const [head] = await sql.query<{ seq: string }>(`SELECT last_seq AS seq FROM audit_chain_heads WHERE office_id = $1::uuid`, [officeId], 'audit.head-seq');
    return Number(head?.seq ?? 0);
  }

  /** Lines `fromSeq..throughSeq` in order, a page at a time; with `keep`, the payloads of other targets' events are left out. */
  async *lines(officeId: string, fromSeq: number, throughSeq: number, keep?: readonly TrailTarget[] | null, sql: SqlExecutor = this.sql): AsyncGenerator<TrailLine> {
    const kept = keep ? new Set(keep.map((target) => `${target.type}:${target.id}`)) : null;
    let prevHash = fromSeq === 1 ? GENESIS_HASH_HEX : await this.hashAt(sql, officeId, fromSeq - 1);
    for (let after = fromSeq - 1; after < throughSeq; ) {
      const rows = await sql.query<EventRow>(EVENTS, [officeId, after, throughSeq], 'audit.trail-page');
      if (!rows.length) return;
      for (const row of rows) {
        const line = lineOf(row, prevHash, !!kept && !kept.has(`${row.target_type}:${row.target_id}`));
        prevHash = line.hash;
        yield line;
      }
      after = Number(rows.at(-1)!.seq);
    }
  }

  /** Every checkpoint of the office (read before the events, so none can be newer than what is read after). */
  async allCheckpoints(officeId: string): Promise<SignedCheckpoint[]> {
    return (await this.checkpoints.all(officeId)).map((stored) => stored.signed);
  }

  async latestCheckpoints(officeId: string, hintSeq?: number): Promise<StoredCheckpoint[]> {
    return this.checkpoints.latest(officeId, hintSeq);
  }

  /** Verifies the office's whole chain against every checkpoint in MinIO. */
  async verifyOffice(officeId: string, checkpoints?: SignedCheckpoint[]): Promise<VerificationResult> {
    const given = checkpoints ?? (await this.allCheckpoints(officeId));
    const verifier = new TrailVerifier({ officeId, checkpoints: given, keys: this.keys });
    for await (const line of this.lines(officeId, 1, Number.MAX_SAFE_INTEGER)) verifier.add(line);
    return verifier.finish();
  }

  /**
   * The export: the trail (a header line, then one line per event), the checkpoints and the public
   * keys. A document's trail (or some targets') runs from its first event to the first checkpoint at
   * or after its last (the chain head when none is signed yet), with other events' payloads left out.
   */
  async export(selector: TrailSelector): Promise<TrailExport> {
    const office = (await this.office(selector.officeId))!;
    const checkpoints = await this.allCheckpoints(office.id);
    const head = await this.headSeq(office.id);
    const anchors = selector.documentId ? [{ type: 'document', id: selector.documentId }] : selector.targets;
    const [fromSeq, throughSeq] = anchors ? await this.rangeOf(office.id, anchors, checkpoints, head) : [1, head];
    const header: TrailHeader = { kasianAuditTrail: 1, officeId: office.id, officeCode: office.code, documentId: selector.documentId ?? null, fromSeq, throughSeq, exportedAt: new Date().toISOString() };
    const lines = this.lines(office.id, fromSeq, throughSeq, anchors && [...anchors, ...(selector.keepPayloadsOf ?? [])]);
    async function* trail() {
      yield `${formatTrailHeader(header)}\n`;
      for await (const line of lines) yield `${formatTrailLine(line)}\n`;
    }
    const relevant = checkpoints.filter((c) => c.checkpoint.seq >= fromSeq && c.checkpoint.seq <= throughSeq);
    return {
      header,
      checkpoints: relevant,
      files: [
        { name: TRAIL_FILE, content: Readable.from(trail()) },
        { name: CHECKPOINTS_FILE, content: Buffer.from(relevant.map((c) => `${JSON.stringify(c)}\n`).join('')) },
        { name: PUBLIC_KEYS_FILE, content: Buffer.from(this.keys.toPem()) },
      ],
    };
  }

  private async rangeOf(officeId: string, targets: readonly TrailTarget[], checkpoints: SignedCheckpoint[], head: number): Promise<[number, number]> {
    const [range] = await this.sql.query<{ first: string | null; last: string | null }>(
      `SELECT min(seq) AS first, max(seq) AS last FROM audit_events
        WHERE office_id = $1::uuid AND (target_type, target_id) IN (SELECT * FROM unnest($2::text[], $3::text[]))`,
      [officeId, targets.map((t) => t.type), targets.map((t) => t.id)],
      'audit.targets-range',
    );
    if (range?.first === null || range?.last === null) return [1, 0];
    const last = Number(range.last);
    const covering = checkpoints.map((c) => c.checkpoint.seq).filter((seq) => seq >= last && seq <= head);
    return [Number(range.first), covering.length ? Math.min(...covering) : head];
  }

  private async hashAt(sql: SqlExecutor, officeId: string, seq: number): Promise<string> {
    const [row] = await sql.query<{ hash: string | null }>(`SELECT encode(hash, 'hex') AS hash FROM audit_events WHERE office_id = $1::uuid AND seq = $2::bigint`, [officeId, seq], 'audit.hash-at');
    return row?.hash ?? GENESIS_HASH_HEX;
  }
}
