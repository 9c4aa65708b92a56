import { linkHash, payloadSha256 } from './chain';
import { type LineBatch, parseTrailLine } from './trail-line';

/**
 * What one stretch of a trail file says about itself, checked without the rest of the file
 * (ADR 0014, "verification rate"): its ends, and the hashes at the sequence numbers asked for
 * (where checkpoints are). `intact` is false at the first line that is unreadable, out of
 * sequence, not linked to the line before, or not consistent with its own hash; the stretch is then
 * verified again line by line, which names the break exactly.
 */
export interface StretchSummary {
  intact: boolean;
  lines: number;
  firstSeq: number;
  firstPrevHash: string;
  lastSeq: number;
  lastHash: string;
  hashesAt: [seq: number, hash: string][];
}

export async function checkStretch(batches: AsyncIterable<LineBatch>, wanted: ReadonlySet<number>): Promise<StretchSummary> {
  const summary: StretchSummary = { intact: true, lines: 0, firstSeq: 0, firstPrevHash: '', lastSeq: 0, lastHash: '', hashesAt: [] };
  for await (const { data, starts, ends } of batches) {
    for (let i = 0; i < starts.length; i++) {
      const line = parseTrailLine(data, starts[i], ends[i]);
      const digest = line && (line.payload === null ? line.payloadSha256! : payloadSha256(line.payload));
      const follows = summary.lines === 0 || (line?.seq === summary.lastSeq + 1 && line.prevHash === summary.lastHash);
      if (!line || !follows || linkHash(line.prevHash, line.seq, line.event, digest!) !== line.hash) return { ...summary, intact: false };
      if (summary.lines++ === 0) [summary.firstSeq, summary.firstPrevHash] = [line.seq, line.prevHash];
      [summary.lastSeq, summary.lastHash] = [line.seq, line.hash];
      if (wanted.has(line.seq)) summary.hashesAt.push([line.seq, line.hash]);
    }
  }
  return summary;
}
