import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, type JWK, SignJWT } from 'jose';
import { UnauthenticatedError } from '@kasian/errors';
import { TokenVerifier } from './token-verifier';

const ISSUER = 'http://issuer.test/realms/kasian';
const AUDIENCE = 'kasian-api';

describe('TokenVerifier', () => {
  let server: Server;
  let jwksUrl: string;
  let privateKey: Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];

  beforeAll(async () => {
    const pair = await generateKeyPair('RS256', { extractable: true });
    privateKey = pair.privateKey;
    const jwk: JWK = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
    server = createServer((_, response) => {
      response.setHeader('content-type', 'application/json');
      response.end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    jwksUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/certs`;
  });

  afterAll(() => new Promise((resolve) => server.close(resolve)));

  const verifier = (cacheSize?: number) => new TokenVerifier({ issuer: ISSUER, audience: AUDIENCE, jwksUrl, clockToleranceSeconds: 0, cacheSize });

  const token = (subject: string, expiresIn = '5m') =>
    new SignJWT({ realm_access: { roles: ['staff'] } })
      .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setSubject(subject)
      .setIssuedAt()
      .setExpirationTime(expiresIn)
      .sign(privateKey);

  it('remembers a verified token: the second request gets the same principal', async () => {
    const tokens = verifier();
    const jwt = await token('a');
    const first = await tokens.verify(jwt);
    expect(first).toMatchObject({ subject: 'a', roles: ['staff'] });
    expect(await tokens.verify(jwt)).toBe(first);
  });

  it('verifies a remembered token again once it has expired', async () => {
    const tokens = verifier();
    const jwt = await token('a', '2s');
    const first = await tokens.verify(jwt);
    const afterExpiry = new Date(first.expiresAt.getTime() + 1);
    await expect(tokens.verify(jwt, afterExpiry)).resolves.not.toBe(first);
  });

  it('never answers a tampered token from memory', async () => {
    const tokens = verifier();
    const jwt = await token('a');
    await tokens.verify(jwt);
    const [header, payload, signature] = jwt.split('.');
    const tampered = `${header}.${payload}.${signature.slice(0, -4)}AAAA`;
    await expect(tokens.verify(tampered)).rejects.toBeInstanceOf(UnauthenticatedError);
  });

  it('forgets the oldest token when full', async () => {
    const tokens = verifier(1);
    const [a, b] = await Promise.all([token('a'), token('b')]);
    const first = await tokens.verify(a);
    await tokens.verify(b);
    expect(await tokens.verify(a)).not.toBe(first);
  });

  it('remembers nothing with a size of 0', async () => {
    const tokens = verifier(0);
    const jwt = await token('a');
    expect(await tokens.verify(jwt)).not.toBe(await tokens.verify(jwt));
  });
});
