import { decodeJwt, decodeProtectedHeader, exportJWK, generateKeyPair, SignJWT } from 'jose';
import { requireEnv } from '../support/env';
import { type RunningApi, startApi } from '../support/http';
import { keycloakAdmin, tokenFor } from '../support/keycloak';

const SHORT_LIVED_CLIENT = 'kasian-e2e-short-lived';
const SHORT_LIVED_SECRET = 'e2e-short-lived-secret';

describe('bearer tokens from the real Keycloak realm', () => {
  let api: RunningApi;
  beforeAll(async () => {
    api = await startApi({ AUTH_CLOCK_TOLERANCE_SECONDS: '0' });
  });
  afterAll(async () => {
    await api.close();
    await keycloakAdmin().deleteClient(SHORT_LIVED_CLIENT);
  });

  it('a demo user’s token reaches /me and sees the position it holds (200)', async () => {
    const { status, body } = await api.call('/me', { token: await tokenFor('kanokporn') });
    expect(status).toBe(200);
    expect(body).toMatchObject({ username: 'kanokporn', officeCode: 'patueng', roles: expect.arrayContaining(['official']) });
    expect(body.person.displayNameTh).toBe('นางสาวกนกพร โภชนพันธ์');
    expect(body.person.positions).toEqual([expect.objectContaining({ titleTh: 'หัวหน้าฝ่ายอำนวยการ', capacity: 'SUBSTANTIVE' })]);
  });

  it('no token → 401 with a clear body', async () => {
    const { status, body } = await api.call('/me');
    expect(status).toBe(401);
    expect(body).toMatchObject({ code: 'UNAUTHENTICATED', details: { reason: 'missing_token' } });
    expect(body.message).toMatch(/Bearer/);
    expect(body.messageTh).toMatch(/เข้าสู่ระบบ/);
  });

  it('a malformed token → 401', async () => {
    const { status, body } = await api.call('/me', { token: 'not.a.jwt' });
    expect(status).toBe(401);
    expect(body.details.reason).toBe('malformed_token');
  });

  it('an expired token signed by the realm → 401 expired_token', async () => {
    await keycloakAdmin().upsertClient({
      clientId: SHORT_LIVED_CLIENT,
      publicClient: false,
      secret: SHORT_LIVED_SECRET,
      directAccessGrantsEnabled: true,
      standardFlowEnabled: false,
      attributes: { 'access.token.lifespan': '1' },
      protocolMappers: [
        {
          name: 'audience kasian-api',
          protocol: 'openid-connect',
          protocolMapper: 'oidc-audience-mapper',
          config: { 'included.client.audience': requireEnv('OIDC_AUDIENCE'), 'access.token.claim': 'true', 'id.token.claim': 'false' },
        },
      ],
    });
    const token = await tokenFor('kanokporn', { id: SHORT_LIVED_CLIENT, secret: SHORT_LIVED_SECRET });
    const { exp, iat } = decodeJwt(token);
    expect(exp! - iat!).toBeLessThanOrEqual(1);
    await new Promise((resolve) => setTimeout(resolve, (exp! * 1000 - Date.now()) + 1_500));
    const { status, body } = await api.call('/me', { token });
    expect(status).toBe(401);
    expect(body.details.reason).toBe('expired_token');
  });

  it('a token with the realm’s claims and key id but signed by another key → 401 invalid_signature', async () => {
    const genuine = await tokenFor('kanokporn');
    const { kid } = decodeProtectedHeader(genuine);
    const { privateKey } = await generateKeyPair('RS256');
    const forged = await new SignJWT(decodeJwt(genuine)).setProtectedHeader({ alg: 'RS256', kid, typ: 'JWT' }).sign(privateKey);
    expect((await api.call('/me', { token: genuine })).status).toBe(200);
    const { status, body } = await api.call('/me', { token: forged });
    expect(status).toBe(401);
    expect(body.details.reason).toBe('invalid_signature');
  });

  it('a self-made key id the realm never published → 401 invalid_signature', async () => {
    const { privateKey, publicKey } = await generateKeyPair('RS256');
    const kid = (await exportJWK(publicKey)).n!.slice(0, 16);
    const forged = await new SignJWT({ sub: 'intruder', realm_access: { roles: ['admin'] } })
      .setProtectedHeader({ alg: 'RS256', kid })
      .setIssuer(requireEnv('OIDC_ISSUER'))
      .setAudience(requireEnv('OIDC_AUDIENCE'))
      .setExpirationTime('5m')
      .sign(privateKey);
    const { status, body } = await api.call('/housekeeping/heartbeats', { method: 'POST', token: forged });
    expect(status).toBe(401);
    expect(body.details.reason).toBe('invalid_signature');
  });

  it('a valid token without the needed role → 403 FORBIDDEN', async () => {
    const { status, body } = await api.call('/housekeeping/heartbeats', { method: 'POST', token: await tokenFor('drafter') });
    expect(status).toBe(403);
    expect(body).toMatchObject({ code: 'FORBIDDEN', details: { requiredRoles: ['admin'] } });
  });
});
