import { hash } from 'node:crypto';
import type { AuditActor } from './audit.port';
import { canonicalJson } from '@kasian/canonical';
import type { CanonicalText, TrailLine } from './trail-line';

/**
 * The chain format (ADR 0014), shared by the append (whose SQL function `audit_link` mirrors
 * `linkText`), the export and the verifier:
 *
 *   header      = RFC 8785 JSON of the event without its payload and its place in the chain
 *   payload     = RFC 8785 JSON of the payload;  payloadSha256 = hex SHA-256 of it
 *   canonical   = {"event":<header>,"payloadSha256":"<hex>","seq":<n>}   (itself RFC 8785 JSON)
 *   hash(n)     = SHA-256( hash(n-1) ‖ UTF-8(canonical) ),  hash(0) = 32 zero bytes (genesis)
 *
 * The payload enters through its digest so that a document's trail can show other events of the
 * office without their payloads and still be recomputed end to end.
 */
export const CHAIN_FORMAT = 1;

/** hash(0), lower-case hex: what every office's first event links to (32 zero bytes). */
export const GENESIS_HASH_HEX = '0'.repeat(64);

export interface EventHeaderFields {
  officeId: string;
  occurredAt: Date;
  action: string;
  actor: AuditActor;
  target: { type: string; id: string };
  versionHash: string | null;
  requestId: string | null;
}

const uuidOrNull = (id: string | null) => (id === null ? null : id.toLowerCase());

/** The canonical header. UUIDs are lower-cased and times are ISO-8601 UTC with milliseconds, as PostgreSQL gives them back. */
export function eventHeader(fields: EventHeaderFields): string {
  const { actor } = fields;
  return canonicalJson({
    v: CHAIN_FORMAT,
    officeId: fields.officeId.toLowerCase(),
    occurredAt: fields.occurredAt.toISOString(),
    action: fields.action,
    actor: {
      subject: actor.subject,
      personId: uuidOrNull(actor.personId),
      positionId: uuidOrNull(actor.positionId),
      onBehalfOfPositionId: uuidOrNull(actor.onBehalfOfPositionId),
      orderRef: actor.orderRef,
    },
    target: { type: fields.target.type, id: fields.target.id },
    versionHash: fields.versionHash,
    requestId: fields.requestId,
  });
}

/** Where `linkHash` assembles its input: reused, since hashing is synchronous (no allocation per event). */
let scratch = Buffer.allocUnsafe(16 * 1024);
const OPEN = Buffer.from('{"event":');
const DIGEST = Buffer.from(',"payloadSha256":"');
const SEQ = Buffer.from('","seq":');

/** Writes the decimal digits of `n` at `at`; answers where they end. */
function writeDigits(target: Buffer, at: number, n: number): number {
  const digits = n < 10 ? 1 : Math.floor(Math.log10(n)) + 1;
  for (let i = digits - 1, rest = n; i >= 0; i--, rest = Math.floor(rest / 10)) target[at + i] = 0x30 + (rest % 10);
  return at + digits;
}

/**
 * hash(n) from hash(n-1), both lower-case hex: SHA-256(prev ‖ {"event":<header>,"payloadSha256":"<hex>","seq":<n>}).
 * The input is assembled in a reused buffer and hashed in one call: the verifier does this a million
 * times (ADR 0014, bench:audit).
 */
export function linkHash(prevHex: string, seq: number, header: CanonicalText, payloadSha256: string): string {
  const room = 160 + (typeof header === 'string' ? header.length * 3 : header.length);
  if (room > scratch.length) scratch = Buffer.allocUnsafe(room * 2);
  let at = scratch.write(prevHex, 0, 32, 'hex');
  scratch.set(OPEN, at);
  at += OPEN.length;
  if (typeof header === 'string') {
    at += scratch.write(header, at, 'utf8');
  } else {
    scratch.set(header, at);
    at += header.length;
  }
  scratch.set(DIGEST, at);
  at += DIGEST.length + scratch.write(payloadSha256, at + DIGEST.length, 64, 'latin1');
  scratch.set(SEQ, at);
  at = writeDigits(scratch, at + SEQ.length, seq);
  scratch[at++] = 0x7d;
  return hash('sha256', scratch.subarray(0, at), 'hex');
}

/** The payload's digest as it enters the link. */
export function payloadSha256(payload: CanonicalText): string {
  return hash('sha256', payload, 'hex');
}

/** Links events one after another as the database does: for sealing old events, tests and benchmarks. */
export class ChainBuilder {
  constructor(
    private seq = 0,
    private prev = GENESIS_HASH_HEX,
  ) {}

  /** The next event's line, from its canonical header and payload texts. */
  append(header: CanonicalText, payload: CanonicalText): TrailLine {
    const seq = ++this.seq;
    const prevHash = this.prev;
    this.prev = linkHash(prevHash, seq, header, payloadSha256(payload));
    return { seq, prevHash, hash: this.prev, event: header, payload, payloadSha256: null };
  }
}
