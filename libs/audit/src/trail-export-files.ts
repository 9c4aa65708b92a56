import { createReadStream, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHECKPOINTS_FILE, PUBLIC_KEYS_FILE, TRAIL_FILE } from './audit-trails';
import { PublicKeyRing, type SignedCheckpoint } from './checkpoint';
import { parseCheckpoint } from './checkpoint-store';
import { parseTrailHeader, parseTrailLine, splitLines, type TrailHeader } from './trail-line';
import { TrailVerifier, type VerificationResult } from './verifier';

export interface ExportVerification {
  header: TrailHeader;
  result: VerificationResult;
}

/** The checkpoints file of an export; an unreadable line becomes an unsigned checkpoint at the position it names. */
function readCheckpoints(dir: string, header: TrailHeader): SignedCheckpoint[] {
  return readFileSync(join(dir, CHECKPOINTS_FILE), 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => parseCheckpoint(line, header.officeId, Number(/"seq":(\d+)/.exec(line)?.[1] ?? header.fromSeq)));
}

/**
 * Verifies an export directory (`trail.jsonl`, `checkpoints.jsonl`, `public-keys.pem`) offline,
 * streaming the trail a megabyte at a time: the lines' bytes are sliced and hashed as they are,
 * never decoded. Throws when the trail has no header.
 */
export async function verifyExport(dir: string): Promise<ExportVerification> {
  let header: TrailHeader | null = null;
  let verifier: TrailVerifier | null = null;
  for await (const { data, starts, ends } of splitLines(createReadStream(join(dir, TRAIL_FILE), { highWaterMark: 1 << 20 }))) {
    for (let i = 0; i < starts.length; i++) {
      if (verifier) {
        verifier.add(parseTrailLine(data, starts[i], ends[i]));
        continue;
      }
      header = parseTrailHeader(data.subarray(starts[i], ends[i]));
      if (!header) throw new Error(`${join(dir, TRAIL_FILE)} does not start with a Kasian trail header.`);
      const keys = PublicKeyRing.fromPem(readFileSync(join(dir, PUBLIC_KEYS_FILE), 'utf8'));
      verifier = new TrailVerifier({ officeId: header.officeId, checkpoints: readCheckpoints(dir, header), keys, fromSeq: header.fromSeq, throughSeq: header.throughSeq });
    }
  }
  if (!verifier) throw new Error(`${join(dir, TRAIL_FILE)} is empty.`);
  return { header: header!, result: verifier.finish() };
}
