import { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { AuditTrails, CHECKPOINTS_FILE, PUBLIC_KEYS_FILE, TRAIL_FILE, type TrailFile, type TrailSelector } from '@kasian/audit';
import type { BundleContribution } from '@kasian/bundle';
import { SqlTransactions } from '@kasian/database';
import { AUDIT_TRAIL_SECTION_FORMAT, type AuditEventRef, type AuditTrailSection } from './bundled-trail';

/** The bundle's files an audit event vouches for: evidence by the SHA-256 in its event, the PDF by its version's hash. */
export interface VouchedFiles {
  evidence: readonly { evidenceId: string; sha256: string }[];
  contentHash: string;
}

export interface ChainPositions {
  /** By evidence id: the `evidence.added`/`evidence.replaced` event that recorded exactly these bytes. */
  evidence: Map<string, AuditEventRef>;
  /** The document's last event on the version the PDF prints. */
  version: AuditEventRef | null;
}

const EVIDENCE_EVENTS = `
  SELECT DISTINCT ON (target_id) target_id AS "evidenceId", seq, action, payload->>'sha256' AS sha256
    FROM audit_events
   WHERE office_id = $1::uuid AND target_type = 'evidence' AND target_id = ANY($2::text[]) AND action IN ('evidence.added', 'evidence.replaced')
   ORDER BY target_id, seq DESC`;

const VERSION_EVENT = `
  SELECT seq, action FROM audit_events
   WHERE office_id = $1::uuid AND target_type = 'document' AND target_id = $2 AND version_hash = $3
   ORDER BY seq DESC LIMIT 1`;

const partOf = (file: TrailFile) => (Buffer.isBuffer(file.content) ? Readable.from([file.content]) : file.content);

/** Which trail a bundle carries: a document's, or the stretch of chain holding some evidence files' events. */
interface TrailScope {
  /** The manifest source of the trail's files: `audit:<name>`. */
  name: string;
  folder: string;
  selector: Omit<TrailSelector, 'officeId'>;
  documentId: string | null;
  /** The manifest sources whose files the trail vouches for. */
  vouches: string[];
}

type EvidenceFiles = VouchedFiles['evidence'];

const evidenceTargets = (evidenceIds: readonly string[]) => evidenceIds.map((id) => ({ type: 'evidence', id }));

/**
 * The audit room's share of a bundle (ADR 0014): a document's signed trail, its checkpoints and the
 * public keys under `documents/<id>/audit/`, with the covered range and key fingerprints in the
 * manifest, and the chain positions of the events that vouch for its files. Measure and year bundles
 * (ADR 0017) add one more trail for the evidence files linked to measures and OIT items themselves.
 */
@Injectable()
export class AuditTrailForBundles {
  constructor(
    private readonly trails: AuditTrails,
    private readonly sql: SqlTransactions,
  ) {}

  async positions(officeId: string, documentId: string, files: VouchedFiles): Promise<ChainPositions> {
    const evidence = await this.evidencePositions(officeId, files.evidence);
    const [version] = await this.sql.query<{ seq: string; action: string }>(VERSION_EVENT, [officeId, documentId, files.contentHash], 'bundle.version-chain-position');
    return { evidence, version: version ? { seq: Number(version.seq), action: version.action, field: 'event.versionHash', value: files.contentHash } : null };
  }

  /** By evidence id: the latest `evidence.added`/`evidence.replaced` event, when it recorded exactly the file's SHA-256. */
  async evidencePositions(officeId: string, files: EvidenceFiles): Promise<Map<string, AuditEventRef>> {
    const rows = await this.sql.query<{ evidenceId: string; seq: string; action: string; sha256: string | null }>(
      EVIDENCE_EVENTS,
      [officeId, files.map((file) => file.evidenceId)],
      'bundle.evidence-chain-positions',
    );
    const recorded = new Map(files.map((file) => [file.evidenceId, file.sha256]));
    return new Map(
      rows
        .filter((row) => row.sha256 === recorded.get(row.evidenceId))
        .map((row) => [row.evidenceId, { seq: Number(row.seq), action: row.action, field: 'payload.sha256', value: row.sha256! } satisfies AuditEventRef]),
    );
  }

  /** A document's trail, keeping the payloads of its evidence files' events. */
  contribution(officeId: string, documentId: string, evidenceIds: readonly string[]): Promise<BundleContribution> {
    return this.trail(officeId, {
      name: `document:${documentId}`,
      folder: `documents/${documentId}/audit/`,
      selector: { documentId, keepPayloadsOf: evidenceTargets(evidenceIds) },
      documentId,
      vouches: [`document:${documentId}`],
    });
  }

  /** The trail of evidence files that belong to no bundled document (a measure's own), vouching for the files of `source`. */
  evidenceContribution(officeId: string, source: string, folder: string, evidenceIds: readonly string[]): Promise<BundleContribution> {
    return this.trail(officeId, { name: source, folder, selector: { targets: evidenceTargets(evidenceIds) }, documentId: null, vouches: [source] });
  }

  private async trail(officeId: string, scope: TrailScope): Promise<BundleContribution> {
    const exported = await this.trails.export({ officeId, ...scope.selector });
    const { header } = exported;
    const { folder } = scope;
    const section: AuditTrailSection = {
      format: AUDIT_TRAIL_SECTION_FORMAT,
      officeId: header.officeId,
      officeCode: header.officeCode,
      documentId: scope.documentId,
      vouches: scope.vouches,
      fromSeq: header.fromSeq,
      throughSeq: header.throughSeq,
      checkpointSeqs: exported.checkpoints.map((c) => c.checkpoint.seq),
      publicKeyIds: this.trails.keys.keyIds,
      files: { trail: `${folder}${TRAIL_FILE}`, checkpoints: `${folder}${CHECKPOINTS_FILE}`, publicKeys: `${folder}${PUBLIC_KEYS_FILE}` },
    };
    return {
      source: `audit:${scope.name}`,
      parts: exported.files.map((file) => ({ name: `${folder}${file.name}`, open: () => partOf(file), compress: true, describe: { role: 'audit-trail' } })),
      section,
    };
  }
}
