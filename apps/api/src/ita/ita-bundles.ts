import { Injectable } from '@nestjs/common';
import type { Principal } from '@kasian/auth';
import { type BundleContribution, type BundlePart, type BundleSubject, jsonPart, type MissingPart, textPart } from '@kasian/bundle';
import { bundleIndexCsv, type IndexedDocument, type IndexedEvidence, type IndexEntry, ITA_BUNDLE_INDEX_FORMAT, type ItaBundleIndex } from '@kasian/ita';
import { AuditTrailForBundles } from '../bundles/audit-trail-for-bundles';
import { DocumentBundles, type DocumentShare } from '../bundles/document-bundles';
import { EvidenceQueries } from '../evidence/evidence.queries';
import { type BundleScope, ItaBundleScope, type ScopeEntry } from './ita-bundle-scope';
import type { LinkRow } from './ita-views';

export interface ItaBundle {
  subject: BundleSubject;
  contributions: BundleContribution[];
  fileName: string;
}

/** Where the bundle carries the files linked to measures and items themselves (those of no bundled document). */
const ITA_FOLDER = 'ita/';

const unique = <T>(values: readonly T[]) => [...new Set(values)];
const linkedDocuments = (scope: BundleScope) => unique(scope.entries.flatMap((e) => e.links.flatMap((l) => (l.documentId ? [l.documentId] : []))));
const linkedEvidence = (scope: BundleScope) => unique(scope.entries.flatMap((e) => e.links.flatMap((l) => (l.evidenceId ? [l.evidenceId] : []))));

/** The files a document brings into the bundle, and those it should have and has not. */
interface BundledDocument {
  share: DocumentShare | null;
  files: string[];
  missing: string[];
}

/** What the index needs to know of the parts, by id: evidence files and documents. */
interface Carried {
  evidence: Map<string, BundlePart>;
  documents: Map<string, BundledDocument>;
  /** Evidence linked to the scope that is not in the evidence room any more. */
  removed: Set<string>;
}

const byEvidenceId = (parts: readonly BundlePart[]) => new Map(parts.map((part) => [part.describe!.evidenceId as string, part]));

const NOT_APPROVED = (status: string | null) => `not approved (route ${status ?? 'none'}): approved documents only`;
const REMOVED = 'removed from the evidence room';

/**
 * Measure and ITA-year bundles (ADR 0017): for each measure or OIT item in scope, its own evidence
 * files (under `ita/evidence/`, vouched for by their events in `ita/audit/`), the approved documents
 * linked to it (each one's share of a document bundle: PDF, route timeline, its evidence, its signed
 * trail), the year's report when published, and `index.json` / `index.csv` mapping codes to files.
 */
@Injectable()
export class ItaBundles {
  constructor(
    private readonly scopes: ItaBundleScope,
    private readonly documents: DocumentBundles,
    private readonly evidence: EvidenceQueries,
    private readonly audit: AuditTrailForBundles,
  ) {}

  async forMeasure(principal: Principal, fiscalYear: number, measureId: string): Promise<ItaBundle> {
    const scope = await this.scopes.measure(principal, fiscalYear, measureId);
    const [measure] = scope.entries;
    const subject = { type: 'ita-measure', id: measureId, fiscalYear, officeCode: scope.office.code, label: measure.code, titleTh: measure.titleTh };
    return { subject, contributions: await this.contributions(principal, scope, 'measure'), fileName: `bundle-ita-${fiscalYear}-measure-${measureId}.zip` };
  }

  async forYear(principal: Principal, fiscalYear: number): Promise<ItaBundle> {
    const scope = await this.scopes.year(principal, fiscalYear);
    const subject = { type: 'ita-year', id: String(fiscalYear), fiscalYear, officeCode: scope.office.code, officeNameTh: scope.office.nameTh };
    return { subject, contributions: await this.contributions(principal, scope, 'year'), fileName: `bundle-ita-${fiscalYear}.zip` };
  }

  private async contributions(principal: Principal, scope: BundleScope, kind: ItaBundleIndex['scope']): Promise<BundleContribution[]> {
    const source = `ita:${scope.fiscalYear}`;
    const documents = await this.bundledDocuments(principal, scope);
    const { carried, own } = await this.carried(scope, documents);
    const index = indexOf(scope, kind, carried);
    const ita: BundleContribution = {
      source,
      parts: [jsonPart('index.json', index, { role: 'index' }), textPart('index.csv', bundleIndexCsv(index), { role: 'index' }), ...own],
      missing: [...missingOf(documents), ...[...carried.removed].map((id) => ({ name: `${ITA_FOLDER}evidence/${id}/`, reason: REMOVED }))],
      section: { fiscalYear: scope.fiscalYear, scope: kind, officeCode: scope.office.code, entries: index.entries.length, report: index.report && { documentId: index.report.documentId, status: index.report.status } },
    };
    const trail = own.length ? [await this.audit.evidenceContribution(scope.officeId, source, `${ITA_FOLDER}audit/`, [...byEvidenceId(own).keys()])] : [];
    return [ita, ...trail, ...[...documents.values()].flatMap((d) => d.share?.contributions ?? [])];
  }

  /** Where each linked file is: in a bundled document, or carried by the scope itself (`own`), or removed. */
  private async carried(scope: BundleScope, documents: Map<string, BundledDocument>): Promise<{ carried: Carried; own: BundlePart[] }> {
    const inDocuments = byEvidenceId([...documents.values()].flatMap((d) => d.share?.contributions[0].parts.filter((p) => p.describe?.role === 'evidence') ?? []));
    const ownIds = linkedEvidence(scope).filter((id) => !inDocuments.has(id));
    const own = await this.ownEvidence(scope.officeId, ownIds);
    const ownById = byEvidenceId(own);
    const removed = new Set(ownIds.filter((id) => !ownById.has(id)));
    return { carried: { evidence: new Map([...inDocuments, ...ownById]), documents, removed }, own };
  }

  /** Linked documents (approved ones bundled, others named as left out) and the published report. */
  private async bundledDocuments(principal: Principal, scope: BundleScope): Promise<Map<string, BundledDocument>> {
    const status = new Map(scope.entries.flatMap((e) => e.links.flatMap((l) => (l.document ? [[l.document.id, l.document.route?.status ?? null] as const] : []))));
    const ids = linkedDocuments(scope);
    if (scope.report?.publishedAt) {
      status.set(scope.report.documentId, 'COMPLETED');
      ids.push(scope.report.documentId);
    }
    const bundled = new Map<string, BundledDocument>();
    for (const id of unique(ids)) {
      const routeStatus = status.get(id) ?? null;
      bundled.set(id, routeStatus === 'COMPLETED' ? filesOf(await this.documents.share(principal, id)) : { share: null, files: [], missing: [NOT_APPROVED(routeStatus)] });
    }
    return bundled;
  }

  /** The scope's own evidence files as parts, each naming the event that recorded its bytes. */
  private async ownEvidence(officeId: string, evidenceIds: string[]): Promise<BundlePart[]> {
    const parts = await this.evidence.bundlePartsOf(officeId, evidenceIds, ITA_FOLDER);
    const positions = await this.audit.evidencePositions(officeId, parts.map((p) => ({ evidenceId: p.describe!.evidenceId as string, sha256: p.recordedSha256! })));
    return parts.map((part) => {
      const auditEvent = positions.get(part.describe!.evidenceId as string);
      return { ...part, describe: { role: 'evidence', ...part.describe, ...(auditEvent ? { auditEvent } : {}) } };
    });
  }
}

function filesOf(share: DocumentShare): BundledDocument {
  const [own] = share.contributions;
  return { share, files: own.parts.map((p) => p.name), missing: (own.missing ?? []).map((m) => `${m.name}: ${m.reason}`) };
}

function missingOf(documents: Map<string, BundledDocument>): MissingPart[] {
  return [...documents.entries()].flatMap(([id, d]) => (d.share ? [] : d.missing.map((reason) => ({ name: `documents/${id}/`, reason }))));
}

function evidenceOf(link: LinkRow, carried: Carried): IndexedEvidence {
  const part = carried.evidence.get(link.evidenceId!);
  const describe = part?.describe;
  return {
    evidenceId: link.evidenceId!,
    fileName: (describe?.fileName as string | undefined) ?? null,
    file: part?.name ?? null,
    recordedSha256: part?.recordedSha256 ?? null,
    note: link.note,
    missing: carried.removed.has(link.evidenceId!) ? 'REMOVED' : null,
  };
}

function documentOf(link: LinkRow, carried: Carried): IndexedDocument {
  const d = link.document!;
  const bundled = carried.documents.get(d.id);
  const routeStatus = d.route?.status ?? null;
  return {
    documentId: d.id,
    title: d.title,
    kind: d.kind,
    routeStatus,
    approved: routeStatus === 'COMPLETED',
    folder: bundled?.share ? `documents/${d.id}/` : null,
    files: bundled?.files ?? [],
    note: link.note,
    missing: bundled?.share ? bundled.missing : [],
  };
}

function entryOf(entry: ScopeEntry, carried: Carried): IndexEntry {
  const { links, ...identity } = entry;
  return {
    ...identity,
    evidence: links.filter((l) => l.evidenceId).map((l) => evidenceOf(l, carried)),
    documents: links.filter((l) => l.document).map((l) => documentOf(l, carried)),
  };
}

function indexOf(scope: BundleScope, kind: ItaBundleIndex['scope'], carried: Carried): ItaBundleIndex {
  const report = scope.report;
  const bundled = report && carried.documents.get(report.documentId);
  return {
    format: ITA_BUNDLE_INDEX_FORMAT,
    fiscalYear: scope.fiscalYear,
    scope: kind,
    office: scope.office,
    report: report && {
      ...report,
      publishedAt: report.publishedAt?.toISOString() ?? null,
      folder: bundled?.share ? `documents/${report.documentId}/` : null,
      files: bundled?.files ?? [],
      missing: bundled?.missing ?? [],
    },
    entries: scope.entries.map((entry) => entryOf(entry, carried)),
  };
}
