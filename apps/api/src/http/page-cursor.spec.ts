import { decodeCursor, encodeCursor, isTimeIdPosition, type TimeIdPosition } from './page-cursor';

describe('page cursors', () => {
  it('round-trip a position', () => {
    const position = { t: '2026-11-23T10:00:00.000Z', id: 'a1' };
    expect(decodeCursor<TimeIdPosition>(encodeCursor(position), isTimeIdPosition)).toEqual(position);
  });

  it('start from the beginning for a missing, malformed or mis-shaped cursor', () => {
    expect(decodeCursor<TimeIdPosition>(undefined, isTimeIdPosition)).toBeNull();
    expect(decodeCursor<TimeIdPosition>('not-base64-json', isTimeIdPosition)).toBeNull();
    expect(decodeCursor<TimeIdPosition>(encodeCursor({ t: 'yesterday', id: 'a1' }), isTimeIdPosition)).toBeNull();
    expect(decodeCursor<TimeIdPosition>(encodeCursor({ y: 2569, n: 1 }), isTimeIdPosition)).toBeNull();
    expect(decodeCursor<TimeIdPosition>(Buffer.from('null').toString('base64url'), isTimeIdPosition)).toBeNull();
  });
});
