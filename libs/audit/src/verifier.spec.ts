import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { canonicalJson, sha256Hex } from '@kasian/canonical';
import { ChainBuilder, eventHeader, linkHash } from './chain';
import { PublicKeyRing, type SignedCheckpoint, signCheckpoint } from './checkpoint';
import { formatTrailLine, parseTrailLine, type TrailLine } from './trail-line';
import { SWAP_WINDOW, TrailVerifier, verifyTrail, type VerifyOptions } from './verifier';

const OFFICE = '6f1c3a52-0d7e-4c1b-9a55-1d2f3e4a5b6c';
const { privateKey, publicKey } = generateKeyPairSync('ed25519');
const keys = new PublicKeyRing([publicKey]);

function header(n: number, officeId = OFFICE): string {
  return eventHeader({
    officeId,
    occurredAt: new Date(Date.UTC(2025, 9, 21, 9, 0, n)),
    action: 'route.decided',
    actor: { subject: `sub-${n}`, personId: null, positionId: null, onBehalfOfPositionId: null, orderRef: null },
    target: { type: 'document', id: `doc-${n % 3}` },
    versionHash: null,
    requestId: `req-${n}`,
  });
}

const payload = (n: number, note = 'เห็นชอบ') => canonicalJson({ n, note });

/** A valid trail of `count` events from seq 1. */
function trail(count: number): TrailLine[] {
  const chain = new ChainBuilder();
  return Array.from({ length: count }, (_, i) => chain.append(header(i + 1), payload(i + 1)));
}

/** Rebuilds the hashes from `from` on, as a database superuser would after an edit. */
function recompute(lines: TrailLine[], from: number): TrailLine[] {
  const chain = new ChainBuilder(from - 1, lines[from - 2].hash);
  return lines.map((line) => (line.seq < from ? line : chain.append(line.event, line.payload!)));
}

function checkpoint(line: Pick<TrailLine, 'seq' | 'hash'>, key: KeyObject = privateKey, officeId = OFFICE): SignedCheckpoint {
  return signCheckpoint({ v: 1, officeId, seq: line.seq, hash: line.hash, time: '2025-10-21T09:01:00.000Z' }, key);
}

const options = (checkpoints: SignedCheckpoint[] = [], extra: Partial<VerifyOptions> = {}): VerifyOptions => ({ officeId: OFFICE, checkpoints, keys, ...extra });
const failureOf = (lines: Iterable<TrailLine | null>, opts = options()) => {
  const { failure } = verifyTrail(lines, opts);
  return failure && { position: failure.position, kind: failure.kind, details: failure.details };
};

describe('the trail verifier', () => {
  const ten = trail(10);

  it('accepts an intact trail and reports how far the checkpoints anchor it', () => {
    expect(verifyTrail(ten, options())).toMatchObject({ ok: true, events: 10, lastSeq: 10, lastHash: ten[9].hash, anchoredThrough: null, failure: null });
    const anchored = verifyTrail(ten, options([checkpoint(ten[3]), checkpoint(ten[9])]));
    expect(anchored).toMatchObject({ ok: true, anchoredThrough: 10, checkpoints: { given: 2, considered: 2, matched: 2 } });
  });

  it('accepts an empty trail without checkpoints', () => {
    expect(verifyTrail([], options())).toMatchObject({ ok: true, events: 0, lastSeq: null, lastHash: null });
  });

  it('names an edited payload or header by its position', () => {
    const payloadEdited = ten.map((line) => (line.seq === 5 ? { ...line, payload: payload(5, 'ไม่เห็นชอบ') } : line));
    expect(failureOf(payloadEdited)).toEqual({ position: 5, kind: 'edited', details: {} });
    const headerEdited = ten.map((line) => (line.seq === 7 ? { ...line, event: header(70) } : line));
    expect(failureOf(headerEdited)).toMatchObject({ position: 7, kind: 'edited' });
    const failure = verifyTrail(payloadEdited, options()).failure!;
    expect(failure.message).toContain('Event 5');
    expect(failure.messageTh).toContain('ลำดับที่ ๕');
  });

  it('names a rewritten prevHash even when the line itself still hashes', () => {
    const relinked = ten.map((line) => (line.seq === 6 ? { ...line, prevHash: '0'.repeat(64) } : line));
    expect(failureOf(relinked)).toMatchObject({ position: 6, kind: 'edited' });
  });

  it('names a deleted event as missing, and a repeated one as a duplicate', () => {
    expect(failureOf(ten.filter((line) => line.seq !== 5))).toEqual({ position: 5, kind: 'missing', details: { foundSeq: 6 } });
    expect(failureOf([...ten.slice(0, 6), ten[5], ...ten.slice(6)])).toMatchObject({ position: 7, kind: 'duplicate', details: { foundSeq: 6 } });
  });

  it('names lines swapped in a file as swapped', () => {
    const swapped = [...ten.slice(0, 3), ten[4], ten[3], ...ten.slice(5)];
    expect(failureOf(swapped)).toEqual({ position: 4, kind: 'swapped', details: { foundSeq: 5, foundAtSeq: 4 } });
  });

  it('names rows whose numbers were exchanged in the database as swapped', () => {
    const [a, b] = [ten[3], ten[4]];
    const exchanged = [...ten.slice(0, 3), { ...b, seq: 4, prevHash: ten[2].hash }, { ...a, seq: 5, prevHash: b.hash }, ...ten.slice(5)];
    expect(failureOf(exchanged)).toEqual({ position: 4, kind: 'swapped', details: { foundAtSeq: 5 } });
  });

  it('names contents exchanged between two rows (hashes left in place) as swapped', () => {
    const [a, b] = [ten[3], ten[4]];
    const exchanged = [...ten.slice(0, 3), { ...a, event: b.event, payload: b.payload }, { ...b, event: a.event, payload: a.payload }, ...ten.slice(5)];
    expect(failureOf(exchanged)).toMatchObject({ position: 4, kind: 'swapped' });
  });

  it('stops looking for a moved event after the swap window and calls it edited', () => {
    const long = trail(SWAP_WINDOW + 10);
    const edited = long.map((line) => (line.seq === 2 ? { ...line, payload: payload(2, 'แก้') } : line));
    expect(failureOf(edited)).toMatchObject({ position: 2, kind: 'edited' });
  });

  it('passes a recomputed chain without checkpoints and catches it at the first checkpoint after the edit', () => {
    const edited = ten.map((line) => (line.seq === 5 ? { ...line, payload: payload(5, 'แก้ไขแล้ว') } : line));
    const recomputed = recompute(edited, 5);
    expect(verifyTrail(recomputed, options()).ok).toBe(true);
    expect(failureOf(recomputed, options([checkpoint(ten[2]), checkpoint(ten[9])]))).toEqual({
      position: 10,
      kind: 'checkpoint_mismatch',
      details: { checkpointHash: ten[9].hash, trailHash: recomputed[9].hash, lastMatchedCheckpoint: 3 },
    });
  });

  it('passes a cut tail without checkpoints and names it truncated with one', () => {
    const cut = ten.slice(0, 7);
    expect(verifyTrail(cut, options()).ok).toBe(true);
    expect(failureOf(cut, options([checkpoint(ten[9])]))).toEqual({ position: 8, kind: 'truncated', details: { lastSeq: 7, checkpointSeq: 10 } });
    expect(failureOf([], options([checkpoint(ten[0])]))).toMatchObject({ position: 1, kind: 'truncated' });
  });

  it('names a checkpoint that no known key signed', () => {
    const forged = { ...checkpoint(ten[3]), signature: checkpoint(ten[4]).signature };
    expect(failureOf(ten, options([forged]))).toEqual({ position: 4, kind: 'bad_signature', details: {} });
    const stranger = checkpoint(ten[5], generateKeyPairSync('ed25519').privateKey);
    expect(failureOf(ten, options([stranger]))).toMatchObject({ position: 6, kind: 'bad_signature' });
    expect(failureOf(ten, options([{ ...checkpoint(ten[5]), algorithm: 'RSA' as 'Ed25519' }]))).toMatchObject({ kind: 'bad_signature' });
    expect(failureOf(ten.slice(0, 5), options([{ ...checkpoint(ten[9]), signature: '' }]))).toMatchObject({ position: 10, kind: 'bad_signature' });
  });

  it('ignores checkpoints of other offices and before the trail starts', () => {
    const other = checkpoint({ seq: 20, hash: 'f'.repeat(64) }, privateKey, '00000000-0000-4000-8000-000000000000');
    expect(verifyTrail(ten, options([other]))).toMatchObject({ ok: true, checkpoints: { given: 1, considered: 0 } });
  });

  it('names a line it cannot read', () => {
    expect(failureOf([ten[0], null, ten[2]])).toEqual({ position: 2, kind: 'malformed', details: {} });
  });

  it('verifies lines that carry only their payload digest', () => {
    const elided = ten.map((line) => (line.seq % 2 ? { ...line, payload: null, payloadSha256: sha256Hex(line.payload!) } : line));
    expect(verifyTrail(elided, options([checkpoint(ten[9])])).ok).toBe(true);
    const forged = elided.map((line) => (line.seq === 3 ? { ...line, payloadSha256: sha256Hex('{}') } : line));
    expect(failureOf(forged)).toMatchObject({ position: 3, kind: 'edited' });
  });

  describe('a segment (one document’s trail)', () => {
    const segment = ten.slice(4);

    it('is anchored on its first line and checked against the checkpoints inside it', () => {
      expect(verifyTrail(segment, options([checkpoint(ten[1]), checkpoint(ten[9])], { fromSeq: 5, throughSeq: 10 }))).toMatchObject({ ok: true, events: 6, anchoredThrough: 10 });
      expect(failureOf(segment.slice(1), options([], { fromSeq: 5, throughSeq: 10 }))).toMatchObject({ position: 5, kind: 'missing' });
    });

    it('is truncated when it stops short of what its header claims', () => {
      expect(failureOf(segment.slice(0, 4), options([], { fromSeq: 5, throughSeq: 10 }))).toEqual({ position: 9, kind: 'truncated', details: { lastSeq: 8, headerThroughSeq: 10 } });
    });
  });

  it('streams: lines after the first break change nothing', () => {
    const verifier = new TrailVerifier(options());
    for (const line of [ten[0], null, ...ten.slice(1)]) verifier.add(line);
    expect(verifier.finish()).toMatchObject({ ok: false, events: 1, failure: { position: 2, kind: 'malformed' } });
  });

  it('verifies lines read from a file’s bytes (never decoded) as it verifies text', () => {
    const file = Buffer.from(ten.map(formatTrailLine).join('\n'));
    let start = 0;
    const lines = ten.map((line) => {
      const length = Buffer.byteLength(formatTrailLine(line));
      const parsed = parseTrailLine(new Uint8Array(file.buffer, file.byteOffset + start, length));
      start += length + 1;
      return parsed;
    });
    expect(verifyTrail(lines, options([checkpoint(ten[9])]))).toMatchObject({ ok: true, anchoredThrough: 10 });
    expect(formatTrailLine(lines[3]!)).toBe(formatTrailLine(ten[3]));
  });

  it('links events of any size', () => {
    const chain = new ChainBuilder();
    const long = [chain.append(header(1), payload(1, 'ก'.repeat(40_000))), chain.append(`{"orderRef":"${'ข'.repeat(20_000)}"}`, payload(2))];
    expect(verifyTrail(long, options()).ok).toBe(true);
  });

  it('links exactly as the SQL function audit_link does (the known answer for event 1)', () => {
    const first = linkHash('0'.repeat(64), 1, '{"a":1}', sha256Hex('{}'));
    expect(first).toBe(sha256Hex(Buffer.concat([Buffer.alloc(32), Buffer.from(`{"event":{"a":1},"payloadSha256":"${sha256Hex('{}')}","seq":1}`)])));
  });
});
