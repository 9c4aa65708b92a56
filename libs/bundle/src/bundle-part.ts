import { Readable } from 'node:stream';

/** One file of an auditor bundle, contributed by any source (documents, evidence, later the audit trail). */
export interface BundlePart {
  /** Path inside the ZIP: `/`-separated, relative, no `..`; unique in the bundle. */
  readonly name: string;
  /** Opens the bytes when the part's turn comes: parts are written one after another, never all at once. */
  open(): Promise<Readable> | Readable;
  /**
   * The SHA-256 the source recorded for these bytes (evidence: computed at upload), if any. The
   * writer hashes the bytes it writes either way; a difference is reported in the manifest.
   */
  readonly recordedSha256?: string | null;
  /** Deflate it (JSON, text) or store it as is (PDF, images and Office files are compressed already). */
  readonly compress?: boolean;
  /** Extra fields of the part's manifest entry, e.g. `{ evidenceId, originalName }`. */
  readonly describe?: Readonly<Record<string, unknown>>;
}

/** What a file that should be in the bundle is not there, and why (e.g. a PDF the worker could not print). */
export interface MissingPart {
  readonly name: string;
  readonly reason: string;
}

/** A source's share of a bundle: its files, the ones it could not provide, and facts for the manifest. */
export interface BundleContribution {
  /** Names the source (e.g. `document`, `evidence`, `audit`) in the manifest. */
  readonly source: string;
  readonly parts: readonly BundlePart[];
  readonly missing?: readonly MissingPart[];
  /** Free-form facts the source wants in the manifest under `sections[source]` (e.g. audit chain positions). */
  readonly section?: Readonly<Record<string, unknown>>;
}

/** What the bundle is about: a document, an ITA measure, an ITA year… */
export interface BundleSubject {
  readonly type: string;
  readonly id: string;
  readonly [fact: string]: unknown;
}

export const MANIFEST_NAME = 'manifest.json';
export const BUNDLE_FORMAT = 'kasian-bundle/1';

export interface ManifestFile {
  name: string;
  size: number;
  /** SHA-256 of the bytes as written into this bundle. */
  sha256: string;
  source: string;
  /** Present when the source recorded a different hash: the stored bytes no longer match their record. */
  recordedSha256?: string;
  [fact: string]: unknown;
}

export interface BundleManifest {
  format: typeof BUNDLE_FORMAT;
  createdAt: string;
  subject: BundleSubject;
  files: ManifestFile[];
  missing: (MissingPart & { source: string })[];
  sections: Record<string, Readonly<Record<string, unknown>>>;
  /** Names of files whose bytes differ from what their source recorded; empty when all is well. */
  integrityProblems: string[];
}

/** A small generated file (an index, a timeline) whose bytes are already in hand; deflated. */
export function textPart(name: string, text: string, describe?: Readonly<Record<string, unknown>>): BundlePart {
  const bytes = Buffer.from(text, 'utf8');
  return { name, open: () => Readable.from([bytes]), compress: true, describe };
}

/** A value as pretty-printed JSON. */
export const jsonPart = (name: string, value: unknown, describe?: Readonly<Record<string, unknown>>): BundlePart => textPart(name, `${JSON.stringify(value, null, 2)}\n`, describe);
