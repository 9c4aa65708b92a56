import { generateKeyPairSync } from 'node:crypto';
import { canonicalJson } from '@kasian/canonical';
import { ChainBuilder, eventHeader, GENESIS_HASH_HEX } from './chain';
import { PublicKeyRing, signCheckpoint, type SignedCheckpoint } from './checkpoint';
import { formatTrailLine, splitLines, type TrailLine } from './trail-line';
import { checkStretch, type StretchSummary } from './trail-stretch';
import { TrailVerifier, verifyTrail, type VerifyOptions } from './verifier';

const OFFICE = '0b6a8c1e-5d2f-4e3a-9b7c-2a1d0e9f8c7b';
const { privateKey, publicKey } = generateKeyPairSync('ed25519');

function trail(count: number): TrailLine[] {
  const chain = new ChainBuilder();
  return Array.from({ length: count }, (_, i) =>
    chain.append(
      eventHeader({
        officeId: OFFICE,
        occurredAt: new Date(Date.UTC(2025, 9, 21, 9, 0, i)),
        action: 'route.decided',
        actor: { subject: `sub-${i}`, personId: null, positionId: null, onBehalfOfPositionId: null, orderRef: null },
        target: { type: 'document', id: `doc-${i % 3}` },
        versionHash: null,
        requestId: `req-${i}`,
      }),
      canonicalJson({ n: i + 1, word: 'เห็นชอบ' }),
    ),
  );
}

const checkpoint = (line: TrailLine): SignedCheckpoint => signCheckpoint({ v: 1, officeId: OFFICE, seq: line.seq, hash: line.hash, time: '2025-10-21T09:01:00.000Z' }, privateKey);
const options = (checkpoints: SignedCheckpoint[]): VerifyOptions => ({ officeId: OFFICE, checkpoints, keys: new PublicKeyRing([publicKey]) });

/** The lines as a file's bytes, in chunks of `chunk` bytes, checked as one stretch. */
function stretchOf(lines: TrailLine[], wanted: number[] = [], chunk = 700): Promise<StretchSummary> {
  const bytes = Buffer.from(`${lines.map(formatTrailLine).join('\n')}\n`);
  const chunks = Array.from({ length: Math.ceil(bytes.length / chunk) }, (_, k) => bytes.subarray(k * chunk, (k + 1) * chunk));
  return checkStretch(splitLines(chunks), new Set(wanted));
}

const ten = trail(10);

describe('a stretch of a trail file, checked in itself', () => {
  it('gives its ends, its line count and the hashes asked for', async () => {
    await expect(stretchOf(ten.slice(3), [5, 10, 11])).resolves.toEqual({
      intact: true,
      lines: 7,
      firstSeq: 4,
      firstPrevHash: ten[2].hash,
      lastSeq: 10,
      lastHash: ten[9].hash,
      hashesAt: [
        [5, ten[4].hash],
        [10, ten[9].hash],
      ],
    });
    await expect(stretchOf(ten.slice(0, 1))).resolves.toMatchObject({ intact: true, firstPrevHash: GENESIS_HASH_HEX, lastSeq: 1 });
  });

  it('is not intact with an edited line, a gap, a line that does not link, or a line it cannot read', async () => {
    const edited = ten.map((l) => (l.seq === 6 ? { ...l, payload: canonicalJson({ n: 6, word: 'ไม่เห็นชอบ' }) } : l));
    const relinked = ten.map((l) => (l.seq === 6 ? { ...l, prevHash: ten[0].hash } : l));
    for (const lines of [edited, ten.filter((l) => l.seq !== 6), relinked]) await expect(stretchOf(lines)).resolves.toMatchObject({ intact: false, lastSeq: 5 });
    const bytes = [Buffer.from(`${formatTrailLine(ten[0])}\n{"seq":2,"broken"\n`)];
    await expect(checkStretch(splitLines(bytes), new Set())).resolves.toMatchObject({ intact: false, lines: 1 });
  });
});

describe('the verifier joining stretches', () => {
  const checkpoints = [checkpoint(ten[2]), checkpoint(ten[9])];

  it('reaches exactly the result of the line-by-line walk', async () => {
    const joined = new TrailVerifier(options(checkpoints));
    expect(joined.checkpointSeqs()).toEqual([3, 10]);
    for (const part of [ten.slice(0, 4), ten.slice(4, 4), ten.slice(4)]) expect(joined.addStretch(await stretchOf(part, [3, 10]))).toBe(true);
    expect(joined.finish()).toEqual(verifyTrail(ten, options(checkpoints)));
  });

  it('refuses, changing nothing, a stretch that does not continue the trail', async () => {
    const verifier = new TrailVerifier(options(checkpoints));
    expect(verifier.addStretch(await stretchOf(ten.slice(1, 5), [3]))).toBe(false);
    expect(verifier.addStretch(await stretchOf(ten.slice(0, 4), [3]))).toBe(true);
    expect(verifier.addStretch(await stretchOf(ten.slice(5), [10]))).toBe(false);
    ten.slice(5).forEach((line) => verifier.add(line));
    expect(verifier.finish().failure).toMatchObject({ position: 5, kind: 'missing' });
  });

  it('refuses a stretch that disagrees with a checkpoint inside it, or whose checkpoint hash it did not carry', async () => {
    const recomputed = new ChainBuilder(5, ten[4].hash);
    const rewritten = [...ten.slice(0, 5), ...ten.slice(5).map((l) => recomputed.append(l.event, canonicalJson({ n: l.seq, word: 'แก้ไข' })))];
    expect(new TrailVerifier(options(checkpoints)).addStretch(await stretchOf(rewritten, [3, 10]))).toBe(false);
    expect(new TrailVerifier(options(checkpoints)).addStretch(await stretchOf(ten, [3]))).toBe(false);
    expect(new TrailVerifier(options(checkpoints)).addStretch(await stretchOf(ten.slice(0, 5), [3]))).toBe(true);
  });

  it('refuses any stretch once a line has broken the trail', async () => {
    const verifier = new TrailVerifier(options([]));
    verifier.add(null);
    expect(verifier.addStretch(await stretchOf(ten))).toBe(false);
  });
});
