import { generateKeyPairSync } from 'node:crypto';
import { checkpointBytes, keyIdOf, parsePublicKeys, PublicKeyRing, signCheckpoint } from './checkpoint';

describe('checkpoints', () => {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const body = { v: 1 as const, officeId: 'o', seq: 3, hash: 'ab'.repeat(32), time: '2025-10-21T02:00:00.000Z' };

  it('are signed over the canonical body with a key named by its public half', () => {
    const signed = signCheckpoint(body, privateKey);
    expect(signed).toMatchObject({ checkpoint: body, algorithm: 'Ed25519', keyId: keyIdOf(publicKey), timestamp: null });
    expect(checkpointBytes(body).toString()).toBe('{"hash":"' + body.hash + '","officeId":"o","seq":3,"time":"2025-10-21T02:00:00.000Z","v":1}');
    expect(new PublicKeyRing([publicKey]).verify(signed)).toBe(true);
    expect(new PublicKeyRing([publicKey]).verify({ ...signed, checkpoint: { ...body, seq: 4 } })).toBe(false);
  });

  it('are verified with every public key of a PEM file, other key types ignored', () => {
    const retired = generateKeyPairSync('ed25519').publicKey;
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey;
    const pem = [publicKey, retired, rsa].map((key) => key.export({ type: 'spki', format: 'pem' })).join('\n');
    const ring = PublicKeyRing.fromPem(pem);
    expect(ring.size).toBe(2);
    expect(parsePublicKeys(ring.toPem()).map(keyIdOf)).toEqual([keyIdOf(publicKey), keyIdOf(retired)]);
    expect(ring.verify(signCheckpoint(body, privateKey))).toBe(true);
    expect(PublicKeyRing.fromPem('no keys here').size).toBe(0);
  });
});
