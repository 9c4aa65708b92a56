import { canonicalJson, canonicalSha256, sha256Hex } from './canonical';

describe('the canonical form (RFC 8785)', () => {
  it('sorts keys, drops whitespace and writes numbers as ECMAScript does', () => {
    expect(canonicalJson({ b: [1e21, 0.1, -0], a: { y: 'ก', x: null }, c: new Date('2025-10-21T00:00:00Z') })).toBe(
      '{"a":{"x":null,"y":"ก"},"b":[1e+21,0.1,0],"c":"2025-10-21T00:00:00.000Z"}',
    );
  });

  it('hashes equal values equally, whatever their key order', () => {
    expect(canonicalSha256({ a: 1, b: 2 })).toBe(canonicalSha256({ b: 2, a: 1 }));
    expect(canonicalSha256({ a: 1 })).toBe(sha256Hex('{"a":1}'));
  });

  it('refuses what has no JSON form', () => {
    expect(() => canonicalJson(undefined)).toThrow(TypeError);
  });
});
