import { createReadStream, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { CHECKPOINTS_FILE, PUBLIC_KEYS_FILE, TRAIL_FILE } from './audit-trails';
import { PublicKeyRing, type SignedCheckpoint } from './checkpoint';
import { parseCheckpoint } from './checkpoint-store';
import { parseTrailHeader, parseTrailLine, splitLines, type TrailHeader, type TrailLine } from './trail-line';
import { checkStretches, defaultVerifyThreads, splitTrailFile } from './trail-stretches';
import { TrailVerifier, type VerificationResult } from './verifier';

export interface ExportVerification {
  header: TrailHeader;
  result: VerificationResult;
  /** Threads the trail was verified on: more than one only for a large intact trail (verifyExport). */
  threads: number;
}

/** A trail's three files wherever they are (an export directory, an auditor bundle): the trail streamed, the rest as text. */
export interface TrailSources {
  /** Names the trail in messages. */
  trailName: string;
  trail: AsyncIterable<Buffer>;
  checkpoints: string;
  publicKeys: string;
  /** Sees every parsed event line as it is verified (e.g. to read the events a bundle's manifest points at). */
  onLine?: (line: TrailLine) => void;
}

/** The checkpoints file of an export; an unreadable line becomes an unsigned checkpoint at the position it names. */
function parseCheckpoints(text: string, header: TrailHeader): SignedCheckpoint[] {
  return text
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => parseCheckpoint(line, header.officeId, Number(/"seq":(\d+)/.exec(line)?.[1] ?? header.fromSeq)));
}

/** The verifier for a trail with this header, its checkpoints and keys. */
function verifierFor(header: TrailHeader, sources: Pick<TrailSources, 'checkpoints' | 'publicKeys'>): TrailVerifier {
  const keys = PublicKeyRing.fromPem(sources.publicKeys);
  return new TrailVerifier({ officeId: header.officeId, checkpoints: parseCheckpoints(sources.checkpoints, header), keys, fromSeq: header.fromSeq, throughSeq: header.throughSeq });
}

/**
 * Verifies a trail with its checkpoints and public keys, streaming the trail: the lines' bytes are
 * sliced and hashed as they are, never decoded. Throws when the trail has no header.
 */
export async function verifyTrailFiles(sources: TrailSources): Promise<ExportVerification> {
  let header: TrailHeader | null = null;
  let verifier: TrailVerifier | null = null;
  for await (const { data, starts, ends } of splitLines(sources.trail)) {
    for (let i = 0; i < starts.length; i++) {
      if (verifier) {
        const line = parseTrailLine(data, starts[i], ends[i]);
        if (line) sources.onLine?.(line);
        verifier.add(line);
        continue;
      }
      header = parseTrailHeader(data.subarray(starts[i], ends[i]));
      if (!header) throw new Error(`${sources.trailName} does not start with a Kasian trail header.`);
      verifier = verifierFor(header, sources);
    }
  }
  if (!verifier) throw new Error(`${sources.trailName} is empty.`);
  return { header: header!, result: verifier.finish(), threads: 1 };
}

/** Below this, one thread verifies the trail sooner than threads can be started. */
export const STRETCHES_FROM_BYTES = 8 * 1024 * 1024;

/**
 * An intact trail verified in `threads` stretches at once, each on its own thread, their ends and
 * checkpoint hashes then joined in order; null when a stretch is not intact or does not join (the
 * line-by-line verification then names the first break exactly) or a thread fails.
 */
async function verifyInStretches(trailName: string, size: number, sources: Pick<TrailSources, 'checkpoints' | 'publicKeys'>, threads: number): Promise<ExportVerification | null> {
  const { header: headerLine, ranges } = splitTrailFile(trailName, size, threads);
  const header = parseTrailHeader(headerLine);
  if (!header) return null;
  const verifier = verifierFor(header, sources);
  const stretches = await checkStretches(trailName, ranges, verifier.checkpointSeqs()).catch(() => null);
  if (!stretches?.every((stretch) => verifier.addStretch(stretch))) return null;
  return { header, result: verifier.finish(), threads: ranges.length };
}

/**
 * Verifies an export directory (`trail.jsonl`, `checkpoints.jsonl`, `public-keys.pem`) offline: a
 * large intact trail on every core (`threads`), otherwise — and whenever there is a break to name —
 * line by line, a megabyte at a time.
 */
export async function verifyExport(dir: string, threads = defaultVerifyThreads()): Promise<ExportVerification> {
  const trailName = join(dir, TRAIL_FILE);
  const sources = { checkpoints: readFileSync(join(dir, CHECKPOINTS_FILE), 'utf8'), publicKeys: readFileSync(join(dir, PUBLIC_KEYS_FILE), 'utf8') };
  const { size } = statSync(trailName);
  const stretched = threads > 1 && size >= STRETCHES_FROM_BYTES ? await verifyInStretches(trailName, size, sources, threads) : null;
  return stretched ?? verifyTrailFiles({ trailName, trail: createReadStream(trailName, { highWaterMark: 1 << 20 }), ...sources });
}
