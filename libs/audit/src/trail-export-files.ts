import { createReadStream, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHECKPOINTS_FILE, PUBLIC_KEYS_FILE, TRAIL_FILE } from './audit-trails';
import { PublicKeyRing, type SignedCheckpoint } from './checkpoint';
import { parseCheckpoint } from './checkpoint-store';
import { parseTrailHeader, parseTrailLine, splitLines, type TrailHeader, type TrailLine } from './trail-line';
import { TrailVerifier, type VerificationResult } from './verifier';

export interface ExportVerification {
  header: TrailHeader;
  result: VerificationResult;
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
      const keys = PublicKeyRing.fromPem(sources.publicKeys);
      verifier = new TrailVerifier({ officeId: header.officeId, checkpoints: parseCheckpoints(sources.checkpoints, header), keys, fromSeq: header.fromSeq, throughSeq: header.throughSeq });
    }
  }
  if (!verifier) throw new Error(`${sources.trailName} is empty.`);
  return { header: header!, result: verifier.finish() };
}

/** Verifies an export directory (`trail.jsonl`, `checkpoints.jsonl`, `public-keys.pem`) offline, a megabyte of trail at a time. */
export async function verifyExport(dir: string): Promise<ExportVerification> {
  const trailName = join(dir, TRAIL_FILE);
  return verifyTrailFiles({
    trailName,
    trail: createReadStream(trailName, { highWaterMark: 1 << 20 }),
    checkpoints: readFileSync(join(dir, CHECKPOINTS_FILE), 'utf8'),
    publicKeys: readFileSync(join(dir, PUBLIC_KEYS_FILE), 'utf8'),
  });
}
