import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';

/**
 * RFC 8785 (JCS) canonical JSON: sorted keys, no whitespace, ECMAScript number and string forms.
 * The one canonical form of Kasian: document content hashes, print imprints, Idempotency-Key fingerprints, audit
 * events and checkpoints all go through it (ADR 0014).
 */
export function canonicalJson(value: unknown): string {
  const text = canonicalize(value);
  if (text === undefined) throw new TypeError('This value has no JSON form (undefined, a function or a symbol).');
  return text;
}

/** Lower-case hex SHA-256 of UTF-8 text or bytes. */
export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** SHA-256 of the canonical JSON of `value`: equal values always have equal hashes. */
export function canonicalSha256(value: unknown): string {
  return sha256Hex(canonicalJson(value));
}
