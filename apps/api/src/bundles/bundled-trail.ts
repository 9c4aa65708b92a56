import { type CanonicalText, type TrailLine, type VerificationResult, verifyTrailFiles } from '@kasian/audit';
import { type BundleManifest, type ManifestFile, openBundleEntry, readBundleText } from '@kasian/bundle';

/** Marks a manifest section as a bundled audit trail (ADR 0014). */
export const AUDIT_TRAIL_SECTION_FORMAT = 'kasian-audit-trail/1';

/** The manifest section of a bundled trail (a type, not an interface: it is a manifest section, a plain record). */
export type AuditTrailSection = {
  format: typeof AUDIT_TRAIL_SECTION_FORMAT;
  officeId: string;
  officeCode: string;
  /** The document whose trail it is; null for the trail of a measure's or a year's own evidence files (ADR 0017). */
  documentId: string | null;
  /**
   * The manifest sources whose files' `auditEvent` this trail vouches for. Absent in bundles made
   * before measure and year bundles: then the document's own files (`document:<documentId>`).
   */
  vouches?: string[];
  /** The office chain positions the trail covers. */
  fromSeq: number;
  throughSeq: number;
  /** Positions of the signed checkpoints bundled with it. */
  checkpointSeqs: number[];
  /** Fingerprints (hex SHA-256 of the SPKI) of the bundled public keys: compare with the ones the office publishes. */
  publicKeyIds: string[];
  files: { trail: string; checkpoints: string; publicKeys: string };
};

/** A manifest file's vouching event: at chain position `seq`, `field` (`payload.sha256`, `event.versionHash`) is `value`. */
export interface AuditEventRef {
  seq: number;
  action: string;
  field: 'payload.sha256' | 'event.versionHash';
  value: string;
}

export type TrailProblemKind =
  /** The trail does not verify against its checkpoints and keys: first broken position and kind. */
  | 'TRAIL_BROKEN'
  /** A file's vouching event is not in the trail or does not say what the manifest claims. */
  | 'TRAIL_UNVOUCHED'
  /** The trail's files are absent or its header disagrees with the manifest. */
  | 'TRAIL_UNREADABLE';

export interface TrailProblem {
  name: string;
  kind: TrailProblemKind;
  detail: string;
  /** For TRAIL_BROKEN. */
  position?: number;
  breakKind?: string;
}

export interface BundledTrailReport {
  section: AuditTrailSection;
  result: VerificationResult | null;
  /** Manifest files whose vouching event was found in the trail saying what the manifest claims. */
  vouched: number;
  problems: TrailProblem[];
}

const text = (canonical: CanonicalText) => (typeof canonical === 'string' ? canonical : Buffer.from(canonical).toString('utf8'));

/** What the event at a line says for a field, e.g. `payload.sha256`. */
function fieldOf(line: TrailLine, field: AuditEventRef['field']): unknown {
  const [part, key] = field.split('.') as ['payload' | 'event', string];
  const canonical = line[part];
  return canonical === null ? undefined : (JSON.parse(text(canonical)) as Record<string, unknown>)[key];
}

/** The sources a trail vouches for: a bundle holds several trails whose ranges overlap, each keeping only its own payloads. */
const vouchedSources = (section: AuditTrailSection) => new Set(section.vouches ?? [`document:${section.documentId}`]);

const auditTrailSections = (manifest: BundleManifest) =>
  Object.values(manifest.sections).filter((section): section is AuditTrailSection => section.format === AUDIT_TRAIL_SECTION_FORMAT);

function vouchingProblems(section: AuditTrailSection, files: ManifestFile[], lines: Map<number, TrailLine>): TrailProblem[] {
  const problems: TrailProblem[] = [];
  for (const file of files) {
    const ref = file.auditEvent as AuditEventRef;
    const line = lines.get(ref.seq);
    const said = line && fieldOf(line, ref.field);
    if (said !== ref.value) problems.push({ name: file.name, kind: 'TRAIL_UNVOUCHED', detail: `event ${ref.seq} (${ref.action}) of ${section.files.trail} ${line ? `has ${ref.field} ${String(said)}` : 'is not in the trail'}, the manifest says ${ref.value}` });
    else if (ref.field === 'payload.sha256' && ref.value !== file.sha256) problems.push({ name: file.name, kind: 'TRAIL_UNVOUCHED', detail: `event ${ref.seq} recorded SHA-256 ${ref.value}, the file has ${file.sha256}` });
  }
  return problems;
}

async function checkTrail(path: string, manifest: BundleManifest, section: AuditTrailSection, publicKeys?: string): Promise<BundledTrailReport> {
  const report: BundledTrailReport = { section, result: null, vouched: 0, problems: [] };
  const unreadable = (detail: string) => ({ ...report, problems: [{ name: section.files.trail, kind: 'TRAIL_UNREADABLE' as const, detail }] });
  const checkpoints = await readBundleText(path, section.files.checkpoints);
  const keys = publicKeys ?? (await readBundleText(path, section.files.publicKeys));
  const trail = await openBundleEntry(path, section.files.trail);
  if (checkpoints === null || keys === null || !trail) return unreadable('the trail, its checkpoints or its public keys are not in the bundle');
  const sources = vouchedSources(section);
  const covered = manifest.files.filter((file) => file.auditEvent && sources.has(file.source) && (file.auditEvent as AuditEventRef).seq >= section.fromSeq && (file.auditEvent as AuditEventRef).seq <= section.throughSeq);
  const wanted = new Set(covered.map((file) => (file.auditEvent as AuditEventRef).seq));
  const lines = new Map<number, TrailLine>();
  let verified;
  try {
    verified = await verifyTrailFiles({ trailName: section.files.trail, trail, checkpoints, publicKeys: keys, onLine: (line) => wanted.has(line.seq) && lines.set(line.seq, line) });
  } catch (error) {
    return unreadable((error as Error).message);
  }
  const { header, result } = verified;
  report.result = result;
  if (header.officeId !== section.officeId || header.fromSeq !== section.fromSeq || header.throughSeq !== section.throughSeq)
    report.problems.push({ name: section.files.trail, kind: 'TRAIL_UNREADABLE', detail: `its header covers ${header.fromSeq}..${header.throughSeq} of ${header.officeId}, the manifest says ${section.fromSeq}..${section.throughSeq} of ${section.officeId}` });
  if (!result.ok) {
    const { position, kind, message } = result.failure!;
    report.problems.push({ name: section.files.trail, kind: 'TRAIL_BROKEN', position, breakKind: kind, detail: message });
  }
  const unvouched = vouchingProblems(section, covered, lines);
  report.vouched = covered.length - unvouched.length;
  report.problems.push(...unvouched);
  return report;
}

/**
 * Verifies every audit trail a bundle carries, offline: the pure TrailVerifier over the bundled trail
 * with the bundled checkpoints and the bundled public keys (or the auditor's own, `publicKeys`), then
 * the events the manifest names as vouching for its files.
 */
export async function checkBundledTrails(path: string, manifest: BundleManifest, publicKeys?: string): Promise<BundledTrailReport[]> {
  const reports: BundledTrailReport[] = [];
  for (const section of auditTrailSections(manifest)) reports.push(await checkTrail(path, manifest, section, publicKeys));
  return reports;
}
