import { createRemoteJWKSet, errors, type JWTPayload, jwtVerify } from 'jose';
import { UnauthenticatedError } from '@kasian/errors';
import type { Principal } from './principal';

export interface TokenVerifierOptions {
  issuer: string;
  audience: string;
  /** Keycloak publishes the realm keys here; defaults to `<issuer>/protocol/openid-connect/certs`. */
  jwksUrl?: string;
  clockToleranceSeconds: number;
}

/**
 * Verifies Keycloak access tokens against the realm's published keys (JWKS):
 * signature, issuer, audience and expiry. See docs/adr/0003-token-verification.md.
 */
export class TokenVerifier {
  private readonly keys: ReturnType<typeof createRemoteJWKSet>;

  constructor(private readonly options: TokenVerifierOptions) {
    const jwksUrl = options.jwksUrl ?? `${options.issuer.replace(/\/$/, '')}/protocol/openid-connect/certs`;
    this.keys = createRemoteJWKSet(new URL(jwksUrl), { cooldownDuration: 30_000, cacheMaxAge: 10 * 60_000 });
  }

  async verify(token: string): Promise<Principal> {
    try {
      const { payload } = await jwtVerify(token, this.keys, {
        issuer: this.options.issuer,
        audience: this.options.audience,
        algorithms: ['RS256', 'PS256', 'ES256', 'EdDSA'],
        clockTolerance: this.options.clockToleranceSeconds,
        requiredClaims: ['sub', 'exp'],
      });
      return toPrincipal(payload);
    } catch (error) {
      throw toUnauthenticated(error);
    }
  }
}

function toPrincipal(payload: JWTPayload & Record<string, unknown>): Principal {
  const realmAccess = payload.realm_access as { roles?: unknown } | undefined;
  const roles = Array.isArray(realmAccess?.roles) ? realmAccess.roles.filter((r): r is string => typeof r === 'string') : [];
  return {
    subject: payload.sub as string,
    username: typeof payload.preferred_username === 'string' ? payload.preferred_username : null,
    officeCode: typeof payload.office === 'string' ? payload.office : null,
    roles,
    tokenId: typeof payload.jti === 'string' ? payload.jti : null,
    sessionId: typeof payload.sid === 'string' ? payload.sid : null,
    expiresAt: new Date((payload.exp as number) * 1000),
  };
}

function toUnauthenticated(error: unknown): UnauthenticatedError {
  if (error instanceof errors.JWTExpired) {
    return new UnauthenticatedError('expired_token', 'The access token has expired.', 'โทเคนการเข้าใช้งานหมดอายุแล้ว กรุณาเข้าสู่ระบบใหม่');
  }
  if (error instanceof errors.JWSSignatureVerificationFailed || error instanceof errors.JWKSNoMatchingKey) {
    return new UnauthenticatedError(
      'invalid_signature',
      'The access token is not signed by this realm.',
      'ลายมือชื่อดิจิทัลของโทเคนไม่ถูกต้อง',
    );
  }
  if (error instanceof errors.JWTClaimValidationFailed) {
    return new UnauthenticatedError(
      'invalid_claims',
      `The access token was not issued for this service (${error.claim}).`,
      'โทเคนไม่ได้ออกให้สำหรับระบบนี้',
    );
  }
  if (error instanceof errors.JOSEError) {
    return new UnauthenticatedError('malformed_token', 'The access token is malformed.', 'รูปแบบโทเคนไม่ถูกต้อง');
  }
  throw error;
}
