import type { DocumentFields } from '@kasian/workflow';

/** The fields route conditions may read (e.g. a vacancy flag): `content.fields`, when it is an object. */
export function routingFields(content: Record<string, unknown>): DocumentFields {
  const fields = content.fields;
  return fields && typeof fields === 'object' && !Array.isArray(fields) ? (fields as DocumentFields) : {};
}
