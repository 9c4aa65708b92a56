import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import yauzl from 'yauzl';
import { BUNDLE_FORMAT, type BundleManifest, MANIFEST_NAME } from './bundle-part';

export type ProblemKind =
  /** The bytes in the bundle do not have the SHA-256 the manifest lists. */
  | 'HASH_MISMATCH'
  | 'SIZE_MISMATCH'
  /** Listed in the manifest, absent from the ZIP. */
  | 'MISSING'
  /** In the ZIP, not listed in the manifest. */
  | 'EXTRA'
  /** The entry cannot be read back (e.g. its compressed data was altered). */
  | 'UNREADABLE'
  /** The manifest itself says the stored bytes differed from their record when the bundle was made. */
  | 'RECORDED_HASH_MISMATCH';

export interface BundleProblem {
  name: string;
  kind: ProblemKind;
  detail: string;
}

export interface VerificationReport {
  ok: boolean;
  /** Files listed in the manifest and checked against the ZIP. */
  checked: number;
  problems: BundleProblem[];
  manifest: BundleManifest;
}

export class UnreadableBundleError extends Error {
  constructor(reason: string) {
    super(`not a readable Kasian bundle: ${reason}`);
    this.name = 'UnreadableBundleError';
  }
}

interface Read {
  sha256: string;
  size: number;
  text?: string;
}

/**
 * Checks a bundle offline: every file the manifest lists must be in the ZIP with that size and
 * SHA-256, and the ZIP must hold nothing the manifest does not list. Every problem names its file.
 */
export async function verifyBundle(path: string): Promise<VerificationReport> {
  const { entries, failures } = await readEntries(path);
  const manifestText = entries.get(MANIFEST_NAME)?.text;
  if (manifestText === undefined) throw new UnreadableBundleError(`${MANIFEST_NAME} is missing or unreadable`);
  const manifest = parseManifest(manifestText);
  const problems: BundleProblem[] = [];
  const listed = new Set<string>();
  for (const file of manifest.files) {
    listed.add(file.name);
    const found = entries.get(file.name);
    const failure = failures.get(file.name);
    if (failure) problems.push({ name: file.name, kind: 'UNREADABLE', detail: failure });
    else if (!found) problems.push({ name: file.name, kind: 'MISSING', detail: 'listed in the manifest but not in the bundle' });
    else if (found.sha256 !== file.sha256) problems.push({ name: file.name, kind: 'HASH_MISMATCH', detail: `SHA-256 is ${found.sha256}, the manifest says ${file.sha256}` });
    else if (found.size !== file.size) problems.push({ name: file.name, kind: 'SIZE_MISMATCH', detail: `${found.size} bytes, the manifest says ${file.size}` });
  }
  for (const name of [...entries.keys(), ...failures.keys()]) {
    if (name !== MANIFEST_NAME && !listed.has(name)) problems.push({ name, kind: 'EXTRA', detail: 'in the bundle but not listed in the manifest' });
  }
  for (const name of manifest.integrityProblems) {
    const file = manifest.files.find((f) => f.name === name);
    problems.push({ name, kind: 'RECORDED_HASH_MISMATCH', detail: `stored bytes had SHA-256 ${file?.sha256}, recorded at upload as ${file?.recordedSha256}` });
  }
  return { ok: problems.length === 0, checked: manifest.files.length, problems, manifest };
}

function parseManifest(text: string): BundleManifest {
  let manifest: BundleManifest;
  try {
    manifest = JSON.parse(text) as BundleManifest;
  } catch (error) {
    throw new UnreadableBundleError(`${MANIFEST_NAME} is not JSON (${(error as Error).message})`);
  }
  if (manifest?.format !== BUNDLE_FORMAT || !Array.isArray(manifest.files)) throw new UnreadableBundleError(`${MANIFEST_NAME} is not a ${BUNDLE_FORMAT} manifest`);
  manifest.integrityProblems ??= [];
  return manifest;
}

/** Every file entry's SHA-256 and size (the manifest's text too), reading one entry at a time. */
function readEntries(path: string): Promise<{ entries: Map<string, Read>; failures: Map<string, string> }> {
  const entries = new Map<string, Read>();
  const failures = new Map<string, string>();
  return new Promise((resolve, reject) => {
    yauzl.open(path, { lazyEntries: true, decodeStrings: true, validateEntrySizes: true }, (openError, zip) => {
      if (openError || !zip) return reject(new UnreadableBundleError(openError?.message ?? 'cannot open'));
      zip.on('error', (error: Error) => reject(new UnreadableBundleError(error.message)));
      zip.on('end', () => resolve({ entries, failures }));
      zip.on('entry', (entry: yauzl.Entry) => {
        if (entry.fileName.endsWith('/')) return zip.readEntry();
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError || !stream) {
            failures.set(entry.fileName, streamError?.message ?? 'cannot open the entry');
            return zip.readEntry();
          }
          digestOf(stream, entry.fileName === MANIFEST_NAME).then(
            (read) => entries.set(entry.fileName, read),
            (error: Error) => failures.set(entry.fileName, error.message),
          ).finally(() => zip.readEntry());
        });
      });
      zip.readEntry();
    });
  });
}

async function digestOf(stream: Readable, keepText: boolean): Promise<Read> {
  const hash = createHash('sha256');
  const kept: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    hash.update(chunk);
    size += chunk.length;
    if (keepText) kept.push(chunk);
  }
  return { sha256: hash.digest('hex'), size, ...(keepText ? { text: Buffer.concat(kept).toString('utf8') } : {}) };
}

/**
 * One entry of a bundle as a stream (e.g. a trail to verify after the manifest check), or null when
 * the ZIP has no such entry. The ZIP is closed when the stream ends.
 */
export function openBundleEntry(path: string, name: string): Promise<Readable | null> {
  return new Promise((resolve, reject) => {
    yauzl.open(path, { lazyEntries: true, decodeStrings: true, validateEntrySizes: true, autoClose: false }, (openError, zip) => {
      if (openError || !zip) return reject(new UnreadableBundleError(openError?.message ?? 'cannot open'));
      zip.on('error', (error: Error) => reject(new UnreadableBundleError(error.message)));
      zip.on('end', () => {
        zip.close();
        resolve(null);
      });
      zip.on('entry', (entry: yauzl.Entry) => {
        if (entry.fileName !== name) return zip.readEntry();
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError || !stream) {
            zip.close();
            return reject(new UnreadableBundleError(`${name}: ${streamError?.message ?? 'cannot open the entry'}`));
          }
          stream.once('close', () => zip.close());
          resolve(stream);
        });
      });
      zip.readEntry();
    });
  });
}

/** One (small) entry of a bundle as UTF-8 text, or null when the ZIP has no such entry. */
export async function readBundleText(path: string, name: string): Promise<string | null> {
  const stream = await openBundleEntry(path, name);
  if (!stream) return null;
  const chunks: Buffer[] = [];
  for await (const chunk of stream as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}
