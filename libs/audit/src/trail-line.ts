/**
 * One event of an exported trail, one JSON line each (ADR 0014):
 *
 *   {"seq":7,"prevHash":"<64 hex>","hash":"<64 hex>","event":{…header…},"payload":{…payload…}}
 *   {"seq":8,"prevHash":"…","hash":"…","event":{…},"payloadSha256":"<64 hex>"}      (payload left out)
 *
 * `event` and `payload` are the canonical texts themselves, embedded verbatim, so a reader gets the
 * hashed bytes back by slicing the line: no JSON parsing and re-canonicalisation per event. The
 * split is unambiguous because `,"` never occurs inside a JSON string and no header key starts with
 * "payload". Every line is still plain JSON for people and `jq`.
 */
/** Canonical JSON as text, or as its UTF-8 bytes when read from a file (hashed as they are, never re-encoded). */
export type CanonicalText = string | Uint8Array;

export interface TrailLine {
  seq: number;
  prevHash: string;
  hash: string;
  /** Canonical header. */
  event: CanonicalText;
  /** Canonical payload, or null when the line carries only its digest. */
  payload: CanonicalText | null;
  /** Set when `payload` is null. */
  payloadSha256: string | null;
}

/** First line of a trail file: what it covers. A trail that stops short of `throughSeq` is truncated. */
export interface TrailHeader {
  kasianAuditTrail: 1;
  officeId: string;
  officeCode: string;
  /** Set for one document's trail: the office's chain from that document's first event, other events' payloads left out. */
  documentId: string | null;
  fromSeq: number;
  throughSeq: number;
  exportedAt: string;
}

const SEQ = '{"seq":';
const PREV = ',"prevHash":"';
const HASH = '","hash":"';
const EVENT = '","event":';
const PAYLOAD = ',"payload';
const FULL = '":';
const DIGEST = 'Sha256":"';
const HEX_LENGTH = 64;
const CLOSE = 0x7d;
const bytes = (text: string) => Buffer.from(text, 'latin1');
const [SEQ_BYTES, PREV_BYTES, HASH_BYTES, EVENT_BYTES, PAYLOAD_BYTES, FULL_BYTES, DIGEST_BYTES] = [SEQ, PREV, HASH, EVENT, PAYLOAD, FULL, DIGEST].map(bytes);

export function formatTrailLine(line: TrailLine): string {
  const text = (value: CanonicalText) => (typeof value === 'string' ? value : Buffer.from(value).toString('utf8'));
  const tail = line.payload === null ? `,"payloadSha256":"${line.payloadSha256}"}` : `,"payload":${text(line.payload)}}`;
  return `${SEQ}${line.seq}${PREV}${line.prevHash}${HASH}${line.hash}${EVENT}${text(line.event)}${tail}`;
}

export function formatTrailHeader(header: Omit<TrailHeader, 'kasianAuditTrail'>): string {
  return JSON.stringify({ kasianAuditTrail: 1, ...header });
}

/** Whether `prefix` is at `offset` (a short loop: cheaper than a native call for a dozen bytes). */
function at(line: Uint8Array, prefix: Uint8Array, offset: number): boolean {
  if (offset < 0 || offset + prefix.length > line.length) return false;
  for (let i = 0; i < prefix.length; i++) if (line[offset + i] !== prefix[i]) return false;
  return true;
}

/** The decimal digits of a sequence number from `from` up to the next comma: [value, where the comma is]; value 0 when they are not one (1 to 16 digits, no leading zero). */
function seqOf(line: Buffer, from: number, to: number): [number, number] {
  let seq = 0;
  let i = from;
  for (; i < to && line[i] !== 0x2c; i++) {
    const digit = line[i] - 0x30;
    if (digit < 0 || digit > 9) return [0, i];
    seq = seq * 10 + digit;
  }
  return i - from < 1 || i - from > 16 || line[from] === 0x30 ? [0, i] : [seq, i];
}

/**
 * A line back into its parts, its canonical texts as byte ranges of the line (no decoding); null
 * when it does not have the shape `formatTrailLine` writes. With `from`/`to`, the line is that
 * range of a larger buffer (a batch of `splitLines`).
 */
export function parseTrailLine(input: string | Uint8Array, from = 0, to?: number): TrailLine | null {
  const line = typeof input === 'string' ? Buffer.from(input) : Buffer.isBuffer(input) ? input : Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  const end = to ?? line.length;
  if (!at(line, SEQ_BYTES, from) || end - from < 2 || line[end - 1] !== CLOSE) return null;
  const [seq, seqEnd] = seqOf(line, from + SEQ.length, end);
  const prevAt = seqEnd + PREV.length;
  const hashAt = prevAt + HEX_LENGTH + HASH.length;
  const eventAt = hashAt + HEX_LENGTH + EVENT.length;
  if (!seq || !at(line, PREV_BYTES, seqEnd) || !at(line, HASH_BYTES, prevAt + HEX_LENGTH) || !at(line, EVENT_BYTES, hashAt + HEX_LENGTH)) return null;
  const eventEnd = line.indexOf(PAYLOAD_BYTES, eventAt);
  if (eventEnd < 0 || eventEnd >= end) return null;
  const rest = eventEnd + PAYLOAD.length;
  const full = at(line, FULL_BYTES, rest);
  if (!full && !(at(line, DIGEST_BYTES, rest) && end === rest + DIGEST.length + HEX_LENGTH + 2)) return null;
  return {
    seq,
    prevHash: line.toString('latin1', prevAt, prevAt + HEX_LENGTH),
    hash: line.toString('latin1', hashAt, hashAt + HEX_LENGTH),
    event: line.subarray(eventAt, eventEnd),
    payload: full ? line.subarray(rest + FULL.length, end - 1) : null,
    payloadSha256: full ? null : line.toString('latin1', rest + DIGEST.length, rest + DIGEST.length + HEX_LENGTH),
  };
}

/** Lines of a trail file: where each starts and ends in `data` (line ends excluded). */
export interface LineBatch {
  data: Buffer;
  starts: number[];
  ends: number[];
}

/** A batch's lines as views of its data. */
export const linesOf = (batch: LineBatch): Buffer[] => batch.starts.map((start, i) => batch.data.subarray(start, batch.ends[i]));

/**
 * The lines of a byte stream (a trail file), as offsets into the chunks read, without their line
 * ends, empty lines skipped: a batch per chunk, so a million lines cost neither a million awaits nor
 * a million buffers. A line split between two chunks comes as a batch of its own.
 */
export async function* splitLines(chunks: AsyncIterable<Buffer> | Iterable<Buffer>): AsyncGenerator<LineBatch> {
  let rest: Buffer | null = null;
  const trim = (data: Buffer, start: number, end: number) => (end > start && data[end - 1] === 0x0d ? end - 1 : end);
  for await (const chunk of chunks) {
    let start = 0;
    let end = chunk.indexOf(0x0a);
    if (rest && end >= 0) {
      const line: Buffer = Buffer.concat([rest, chunk.subarray(0, end)]);
      const stop = trim(line, 0, line.length);
      if (stop) yield { data: line, starts: [0], ends: [stop] };
      [rest, start, end] = [null, end + 1, chunk.indexOf(0x0a, end + 1)];
    }
    const batch: LineBatch = { data: chunk, starts: [], ends: [] };
    for (; end >= 0; start = end + 1, end = chunk.indexOf(0x0a, start)) {
      const stop = trim(chunk, start, end);
      if (stop === start) continue;
      batch.starts.push(start);
      batch.ends.push(stop);
    }
    if (start < chunk.length) rest = rest ? Buffer.concat([rest, chunk.subarray(start)]) : chunk.subarray(start);
    if (batch.starts.length) yield batch;
  }
  if (rest?.length) yield { data: rest, starts: [0], ends: [rest.length] };
}

/** The header when `text` is a trail's first line, else null. */
export function parseTrailHeader(input: string | Uint8Array): TrailHeader | null {
  const text = typeof input === 'string' ? input : Buffer.from(input).toString('utf8');
  if (!text.startsWith('{"kasianAuditTrail"')) return null;
  const header = JSON.parse(text) as TrailHeader;
  return header.kasianAuditTrail === 1 ? header : null;
}
