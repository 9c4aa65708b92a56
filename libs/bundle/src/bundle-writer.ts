import { createHash } from 'node:crypto';
import { PassThrough, type Readable, Transform } from 'node:stream';
import yazl from 'yazl';
import {
  BUNDLE_FORMAT,
  type BundleContribution,
  type BundleManifest,
  type BundlePart,
  type BundleSubject,
  MANIFEST_NAME,
  type ManifestFile,
} from './bundle-part';

export class BundleNameError extends Error {
  constructor(name: string, problem: string) {
    super(`bundle part "${name}": ${problem}`);
    this.name = 'BundleNameError';
  }
}

/** Checks names before anything is streamed: relative, no `..`, no backslash, unique, not the manifest's. */
function checkNames(contributions: readonly BundleContribution[]): void {
  const seen = new Set<string>([MANIFEST_NAME]);
  for (const part of contributions.flatMap((c) => c.parts)) {
    const { name } = part;
    if (!name || name.startsWith('/') || name.endsWith('/') || name.includes('\\') || name.split('/').some((s) => s === '..' || s === '.' || s === ''))
      throw new BundleNameError(name, 'must be a relative path without empty, "." or ".." segments');
    if (seen.has(name)) throw new BundleNameError(name, 'is used twice');
    seen.add(name);
  }
}

/** Hashes and counts what passes through. */
function digesting(onDone: (sha256: string, size: number) => void): Transform {
  const hash = createHash('sha256');
  let size = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      size += chunk.length;
      done(null, chunk);
    },
    flush(done) {
      onDone(hash.digest('hex'), size);
      done();
    },
  });
}

/**
 * Streams an auditor bundle: a ZIP of every contributed part, one after another (each opened only
 * when its turn comes, so memory stays flat whatever the sizes), then `manifest.json` listing every
 * file with its size and SHA-256 as written, the missing ones with their reasons, each source's
 * section, and any part whose bytes differ from what its source recorded. Names are UTF-8 (Thai
 * is kept). An error while streaming destroys the returned stream: a client never gets a ZIP that
 * looks complete but is not.
 */
export function writeBundle(subject: BundleSubject, contributions: readonly BundleContribution[], now = new Date()): Readable {
  checkNames(contributions);
  const zip = new yazl.ZipFile();
  const output = new PassThrough();
  const manifest: BundleManifest = {
    format: BUNDLE_FORMAT,
    createdAt: now.toISOString(),
    subject,
    files: [],
    missing: contributions.flatMap((c) => (c.missing ?? []).map((m) => ({ ...m, source: c.source }))),
    sections: Object.fromEntries(contributions.filter((c) => c.section).map((c) => [c.source, c.section!])),
    integrityProblems: [],
  };
  const fail = (error: unknown) => output.destroy(error instanceof Error ? error : new Error(String(error)));

  for (const contribution of contributions) {
    for (const part of contribution.parts) {
      zip.addReadStreamLazy(part.name, { compress: part.compress ?? false, mtime: now }, (callback) => {
        Promise.resolve()
          .then(() => part.open())
          .then((source) => {
            const digest = digesting((sha256, size) => manifest.files.push(entryOf(part, contribution.source, sha256, size, manifest)));
            source.once('error', (error) => {
              fail(error);
              digest.destroy();
            });
            callback(null, source.pipe(digest));
          }, fail);
      });
    }
  }
  zip.addReadStreamLazy(MANIFEST_NAME, { compress: true, mtime: now }, (callback) => {
    const json = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8');
    const stream = new PassThrough();
    stream.end(json);
    callback(null, stream);
  });
  zip.on('error', fail);
  zip.outputStream.on('error', fail);
  zip.outputStream.pipe(output);
  zip.end();
  return output;
}

function entryOf(part: BundlePart, source: string, sha256: string, size: number, manifest: BundleManifest): ManifestFile {
  const fixed = { name: part.name, size, sha256, source };
  const entry: ManifestFile = Object.assign({ ...fixed }, part.describe, fixed);
  if (part.recordedSha256 && part.recordedSha256 !== sha256) {
    entry.recordedSha256 = part.recordedSha256;
    manifest.integrityProblems.push(part.name);
  }
  return entry;
}
