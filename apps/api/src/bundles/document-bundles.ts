import { Injectable } from '@nestjs/common';
import type { Principal } from '@kasian/auth';
import { type BundleContribution, type BundlePart, type BundleSubject, jsonPart } from '@kasian/bundle';
import { SqlTransactions } from '@kasian/database';
import { NotFoundError } from '@kasian/errors';
import { EvidenceQueries } from '../evidence/evidence.queries';
import { RouteQueries } from '../routing/route.queries';
import { AuditTrailForBundles } from './audit-trail-for-bundles';
import { BundlePdfSource } from './bundle-pdf-source';

export interface DocumentFacts {
  id: string;
  officeId: string;
  kind: string;
  title: string;
  versionId: string;
  versionNo: number;
  contentHash: string;
  routeStatus: string | null;
}

/** A document's files in a bundle and its signed trail, with the facts the bundle's index shows. */
export interface DocumentShare {
  facts: DocumentFacts;
  /** The document's own (`document:<id>`) and its trail's (`audit:document:<id>`). */
  contributions: [BundleContribution, BundleContribution];
}

/** The evidence ids a document's contribution carries. */
export const evidenceIdsOf = (contribution: BundleContribution): string[] =>
  contribution.parts.flatMap((part) => (part.describe?.role === 'evidence' ? [part.describe.evidenceId as string] : []));

/**
 * A document's share of an auditor bundle, under `documents/<id>/`: the official PDF of its current
 * (for an approved document: the approved) version, its route timeline as JSON, its evidence files
 * and its signed audit trail. Measure and ITA-year bundles (ADR 0017) take one share per document
 * and add their own parts.
 */
@Injectable()
export class DocumentBundles {
  constructor(
    private readonly sql: SqlTransactions,
    private readonly evidence: EvidenceQueries,
    private readonly routes: RouteQueries,
    private readonly pdfs: BundlePdfSource,
    private readonly audit: AuditTrailForBundles,
  ) {}

  /** The whole bundle of one document: its subject line for the manifest and its share. */
  async forDocument(principal: Principal, documentId: string): Promise<{ subject: BundleSubject; contributions: BundleContribution[] }> {
    const { facts, contributions } = await this.share(principal, documentId);
    return { subject: { type: 'document', id: documentId, title: facts.title, kind: facts.kind, routeStatus: facts.routeStatus }, contributions };
  }

  /** The document's contribution and its signed audit trail, keeping the payloads of its evidence files' events. */
  async share(principal: Principal, documentId: string): Promise<DocumentShare> {
    const contribution = await this.contribution(principal, documentId);
    const facts = contribution.section as unknown as DocumentFacts;
    const trail = await this.audit.contribution(facts.officeId, documentId, evidenceIdsOf(contribution));
    return { facts, contributions: [contribution, trail] };
  }

  async contribution(principal: Principal, documentId: string): Promise<BundleContribution> {
    const officeId = await this.evidence.officeOf(principal);
    const facts = await this.facts(officeId, documentId);
    const folder = `documents/${documentId}/`;
    const pdfName = `${folder}pdf/${facts.kind.toLowerCase()}-v${facts.versionNo}.pdf`;
    const pdf = await this.pdfs.pdfOf(principal, { officeId, documentId, versionId: facts.versionId, versionNo: facts.versionNo, contentHash: facts.contentHash, kind: facts.kind });
    const timeline = await this.routes.timeline(principal, documentId);
    const evidence = await this.evidence.bundleParts(officeId, documentId, folder);
    const vouching = await this.audit.positions(officeId, documentId, {
      contentHash: facts.contentHash,
      evidence: evidence.map((part) => ({ evidenceId: part.describe!.evidenceId as string, sha256: part.recordedSha256! })),
    });
    const auditEvent = (ref: unknown) => (ref ? { auditEvent: ref } : {});
    const parts: BundlePart[] = [
      ...('open' in pdf ? [{ name: pdfName, open: pdf.open, compress: false, describe: { role: 'official-pdf', versionNo: facts.versionNo, contentHash: facts.contentHash, ...auditEvent(vouching.version) } }] : []),
      jsonPart(`${folder}route-timeline.json`, timeline, { role: 'route-timeline' }),
      ...evidence.map((part) => ({ ...part, describe: { role: 'evidence', ...part.describe, ...auditEvent(vouching.evidence.get(part.describe!.evidenceId as string)) } })),
    ];
    return {
      source: `document:${documentId}`,
      parts,
      missing: 'missing' in pdf ? [{ name: pdfName, reason: pdf.missing }] : [],
      section: { ...facts },
    };
  }

  private async facts(officeId: string, documentId: string): Promise<DocumentFacts> {
    const [facts] = await this.sql.query<DocumentFacts>(
      `SELECT d.id, d.office_id AS "officeId", d.kind::text AS kind, d.title, v.id AS "versionId", v.version_no AS "versionNo", v.content_hash AS "contentHash",
              r.status AS "routeStatus"
         FROM documents d
         JOIN document_versions v ON v.document_id = d.id AND v.version_no = d.current_version_no
         LEFT JOIN route_instances r ON r.document_id = d.id AND r.office_id = d.office_id
        WHERE d.id = $1::uuid AND d.office_id = $2::uuid`,
      [documentId, officeId],
      'bundle.document-facts',
    );
    if (!facts) throw new NotFoundError('Document', 'เอกสาร', documentId);
    return facts;
  }
}
