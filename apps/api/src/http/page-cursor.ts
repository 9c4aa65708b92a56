/** Opaque keyset-pagination cursors: the last row's sort keys, as base64url JSON. */
export function encodeCursor(position: object): string {
  return Buffer.from(JSON.stringify(position)).toString('base64url');
}

/** The cursor's position when it decodes and has the expected shape; anything else starts from the beginning. */
export function decodeCursor<T>(raw: string | undefined, isPosition: (value: Partial<T>) => boolean): T | null {
  if (!raw) return null;
  try {
    const position = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as Partial<T> | null;
    return position && typeof position === 'object' && isPosition(position) ? (position as T) : null;
  } catch {
    return null;
  }
}

/** Sort keys of pages ordered by a time and an id. */
export interface TimeIdPosition {
  t: string;
  id: string;
}

export const isTimeIdPosition = (p: Partial<TimeIdPosition>) => typeof p.t === 'string' && !Number.isNaN(Date.parse(p.t)) && typeof p.id === 'string';
