import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';

/** SHA-256 (hex) of the RFC 8785 canonical JSON form: equal values always have equal hashes, whatever their key order. */
export function canonicalHash(value: unknown): string {
  return createHash('sha256').update(canonicalize(value) ?? '').digest('hex');
}
