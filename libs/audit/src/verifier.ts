import { toThaiDigits } from '@kasian/thai';
import { GENESIS_HASH_HEX, linkHash, payloadSha256 } from './chain';
import type { PublicKeyRing, SignedCheckpoint } from './checkpoint';
import type { TrailLine } from './trail-line';
import type { StretchSummary } from './trail-stretch';

/**
 * Why a trail fails, at its first broken position (a chain sequence number):
 * - `edited`: the event's content no longer gives its hash (payload or header changed);
 * - `missing`: the sequence jumps (an event was deleted);
 * - `swapped`: the event that belongs here turns up later (two events exchanged places);
 * - `duplicate`: a sequence number repeats or goes back;
 * - `checkpoint_mismatch`: the trail is internally consistent but differs from a signed checkpoint
 *   (the chain was recomputed after a change);
 * - `truncated`: a signed checkpoint (or the trail's own header) reaches beyond the last event;
 * - `bad_signature`: a checkpoint that is not signed by a known key;
 * - `malformed`: a line that cannot be read.
 */
export type BreakKind = 'edited' | 'missing' | 'swapped' | 'duplicate' | 'checkpoint_mismatch' | 'truncated' | 'bad_signature' | 'malformed';

export interface TrailBreak {
  position: number;
  kind: BreakKind;
  message: string;
  messageTh: string;
  details: Record<string, unknown>;
}

export interface VerifyOptions {
  officeId: string;
  checkpoints: SignedCheckpoint[];
  keys: PublicKeyRing;
  /** First sequence number of the trail (1 for a whole office). A later start is anchored on the first line's prevHash. */
  fromSeq?: number;
  /** Last sequence number the trail claims to cover (its header); checkpoints beyond it are not this trail's. */
  throughSeq?: number;
}

export interface VerificationResult {
  ok: boolean;
  officeId: string;
  /** Events verified before the first break (all of them when ok). */
  events: number;
  lastSeq: number | null;
  lastHash: string | null;
  checkpoints: { given: number; considered: number; matched: number };
  /** Highest sequence number a valid checkpoint confirmed. */
  anchoredThrough: number | null;
  failure: TrailBreak | null;
}

interface Checked {
  seq: number;
  hash: string;
  valid: boolean;
}

/** A suspected break whose kind depends on the lines that follow (was the event moved, not lost?). */
interface Suspicion {
  position: number;
  kind: 'missing' | 'edited';
  prev: string;
  hash: string;
  seen: number;
  details: Record<string, unknown>;
}

/** How many lines after a break are searched for the event that belongs there. */
export const SWAP_WINDOW = 256;

const payloadDigest = (line: TrailLine) => (line.payload === null ? line.payloadSha256! : payloadSha256(line.payload));

/**
 * The verifier: pure, streaming (one line at a time, constant memory), no I/O. Feed the trail's
 * lines in order with `add`, then `finish`. Checkpoints are checked at their sequence number as
 * the walk reaches it; those beyond the last event mean the tail was cut.
 */
export class TrailVerifier {
  private expected: number;
  /** hash(expected - 1); null until the first line of a trail that starts after the genesis. */
  private prev: string | null;
  private events = 0;
  private lastHash: string | null = null;
  private readonly checked: Checked[];
  private next = 0;
  private anchoredThrough: number | null = null;
  private failure: TrailBreak | null = null;
  private suspicion: Suspicion | null = null;

  constructor(private readonly options: VerifyOptions) {
    this.expected = options.fromSeq ?? 1;
    this.prev = this.expected === 1 ? GENESIS_HASH_HEX : null;
    const through = options.throughSeq ?? Number.MAX_SAFE_INTEGER;
    this.checked = options.checkpoints
      .filter(({ checkpoint }) => checkpoint.officeId === options.officeId && checkpoint.seq >= this.expected && checkpoint.seq <= through)
      .map((signed) => ({ seq: signed.checkpoint.seq, hash: signed.checkpoint.hash, valid: options.keys.verify(signed) }))
      .sort((a, b) => a.seq - b.seq);
  }

  add(line: TrailLine | null): void {
    if (this.failure) return;
    if (this.suspicion) return this.classify(line);
    if (!line) return this.fail('malformed', this.expected, {});
    const prev = this.prev ?? line.prevHash;
    if (line.seq < this.expected) return this.fail('duplicate', this.expected, { foundSeq: line.seq });
    if (line.seq > this.expected) return this.suspect('missing', prev, line, { foundSeq: line.seq });
    if (line.prevHash !== prev) return this.suspect('edited', prev, line, {});
    if (line.hash !== linkHash(prev, line.seq, line.event, payloadDigest(line))) return this.suspect('edited', prev, line, {});
    this.prev = line.hash;
    this.lastHash = line.hash;
    this.events++;
    this.expected++;
    this.checkpointsAt(line.seq, line.hash);
  }

  /** The sequence numbers where this trail's checkpoints are checked. */
  checkpointSeqs(): number[] {
    return this.checked.map((c) => c.seq);
  }

  /**
   * A stretch of lines already checked in itself on another thread (trail-stretch.ts). Accepted,
   * as if its lines had been added one by one, when it is intact, continues the trail exactly and
   * agrees with every checkpoint inside it; otherwise false and nothing changes: its lines are then
   * to be added one by one, which names the break.
   */
  addStretch(stretch: StretchSummary): boolean {
    if (this.failure || this.suspicion || !stretch.intact) return false;
    if (stretch.lines === 0) return true;
    if (stretch.firstSeq !== this.expected || stretch.firstPrevHash !== (this.prev ?? stretch.firstPrevHash)) return false;
    const hashes = new Map(stretch.hashesAt);
    let next = this.next;
    for (; next < this.checked.length && this.checked[next].seq <= stretch.lastSeq; next++) {
      const checkpoint = this.checked[next];
      if (!checkpoint.valid || hashes.get(checkpoint.seq) !== checkpoint.hash) return false;
    }
    if (next > this.next) this.anchoredThrough = this.checked[next - 1].seq;
    this.next = next;
    this.prev = this.lastHash = stretch.lastHash;
    this.events += stretch.lines;
    this.expected = stretch.lastSeq + 1;
    return true;
  }

  finish(): VerificationResult {
    if (this.suspicion) this.conclude(null);
    if (!this.failure) this.beyondTheEnd();
    return {
      ok: !this.failure,
      officeId: this.options.officeId,
      events: this.events,
      lastSeq: this.events ? this.expected - 1 : null,
      lastHash: this.lastHash,
      checkpoints: { given: this.options.checkpoints.length, considered: this.checked.length, matched: this.checked.filter((c) => c.seq <= (this.anchoredThrough ?? 0)).length },
      anchoredThrough: this.anchoredThrough,
      failure: this.failure,
    };
  }

  private checkpointsAt(seq: number, hash: string): void {
    for (; this.next < this.checked.length && this.checked[this.next].seq === seq; this.next++) {
      const checkpoint = this.checked[this.next];
      if (!checkpoint.valid) return this.fail('bad_signature', seq, {});
      if (checkpoint.hash !== hash) return this.fail('checkpoint_mismatch', seq, { checkpointHash: checkpoint.hash, trailHash: hash, lastMatchedCheckpoint: this.anchoredThrough });
      this.anchoredThrough = seq;
    }
  }

  /** No event may be missing after the last line: no valid checkpoint and no header claim beyond it. */
  private beyondTheEnd(): void {
    const later = this.checked[this.next];
    if (later && !later.valid) return this.fail('bad_signature', later.seq, {});
    if (later) return this.fail('truncated', this.expected, { lastSeq: this.expected - 1, checkpointSeq: later.seq });
    const claimed = this.options.throughSeq;
    if (claimed !== undefined && claimed >= this.expected) this.fail('truncated', this.expected, { lastSeq: this.expected - 1, headerThroughSeq: claimed });
  }

  private suspect(kind: Suspicion['kind'], prev: string, line: TrailLine, details: Record<string, unknown>): void {
    this.suspicion = { position: this.expected, kind, prev, hash: line.hash, seen: 0, details };
  }

  /** The event that belongs at the suspected position turned up later: it was moved, not lost or edited. */
  private classify(line: TrailLine | null): void {
    const suspicion = this.suspicion!;
    if (line && this.belongsAt(suspicion, line)) return this.conclude(line.seq);
    if (++suspicion.seen >= SWAP_WINDOW) this.conclude(null);
  }

  private belongsAt(suspicion: Suspicion, line: TrailLine): boolean {
    if (suspicion.kind === 'missing') return line.seq === suspicion.position;
    const hash = linkHash(suspicion.prev, suspicion.position, line.event, payloadDigest(line));
    return hash === line.hash || hash === suspicion.hash;
  }

  private conclude(foundAtSeq: number | null): void {
    const { position, kind, details } = this.suspicion!;
    this.suspicion = null;
    if (foundAtSeq === null) this.fail(kind, position, details);
    else this.fail('swapped', position, { ...details, foundAtSeq });
  }

  private fail(kind: BreakKind, position: number, details: Record<string, unknown>): void {
    this.failure = { position, kind, ...describe(kind, position), details };
  }
}

/** Verifies a whole trail at once. */
export function verifyTrail(lines: Iterable<TrailLine | null>, options: VerifyOptions): VerificationResult {
  const verifier = new TrailVerifier(options);
  for (const line of lines) verifier.add(line);
  return verifier.finish();
}

const MESSAGES: Record<BreakKind, [string, string]> = {
  edited: ['Event {n} does not match its hash: its content was changed after it was recorded.', 'เหตุการณ์ลำดับที่ {n} ถูกแก้ไขหลังบันทึก (ค่าแฮชไม่ตรงกับเนื้อหา)'],
  missing: ['Event {n} is missing from the trail.', 'เหตุการณ์ลำดับที่ {n} หายไปจากบันทึก'],
  swapped: ['Event {n} is out of place: the events were reordered.', 'ลำดับเหตุการณ์ที่ {n} ถูกสลับ'],
  duplicate: ['Event {n} is repeated or out of order.', 'เหตุการณ์ลำดับที่ {n} ซ้ำหรือผิดลำดับ'],
  checkpoint_mismatch: [
    'At event {n} the trail differs from the signed checkpoint: the chain was recomputed.',
    'ห่วงโซ่ ณ ลำดับที่ {n} ไม่ตรงกับจุดตรวจสอบที่ลงนามไว้ (มีการคำนวณห่วงโซ่ใหม่)',
  ],
  truncated: ['The trail stops before event {n}, but a signed checkpoint covers it: the last events were removed.', 'บันทึกถูกตัดท้าย ตั้งแต่ลำดับที่ {n} หายไป'],
  bad_signature: ['The checkpoint at event {n} is not signed by a known key.', 'ลายมือชื่อดิจิทัลของจุดตรวจสอบ ณ ลำดับที่ {n} ไม่ถูกต้อง'],
  malformed: ['The line for event {n} cannot be read.', 'อ่านบรรทัดของเหตุการณ์ลำดับที่ {n} ไม่ได้'],
};

function describe(kind: BreakKind, position: number): { message: string; messageTh: string } {
  const [message, messageTh] = MESSAGES[kind];
  return { message: message.replace('{n}', String(position)), messageTh: messageTh.replace('{n}', toThaiDigits(position)) };
}
