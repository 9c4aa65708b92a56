import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import type { DocumentFields } from '@kasian/workflow';

/** SHA-256 of the RFC 8785 canonical form: the same content always has the same hash. */
export function contentHash(content: unknown): string {
  return createHash('sha256').update(canonicalize(content) ?? '').digest('hex');
}

/** The fields route conditions may read (e.g. a vacancy flag): `content.fields`, when it is an object. */
export function routingFields(content: Record<string, unknown>): DocumentFields {
  const fields = content.fields;
  return fields && typeof fields === 'object' && !Array.isArray(fields) ? (fields as DocumentFields) : {};
}
