import { createRemoteJWKSet, errors, type JWTPayload, jwtVerify } from 'jose';
import { UnauthenticatedError } from '@kasian/errors';
import type { Principal } from './principal';

export interface TokenVerifierOptions {
  issuer: string;
  audience: string;
  /** Keycloak publishes the realm keys here; defaults to `<issuer>/protocol/openid-connect/certs`. */
  jwksUrl?: string;
  clockToleranceSeconds: number;
  /** Verified tokens remembered until they expire (0 turns the memory off). */
  cacheSize?: number;
}

const DEFAULT_CACHE_SIZE = 10_000;

/**
 * Verifies Keycloak access tokens against the realm's published keys (JWKS):
 * signature, issuer, audience and expiry. See docs/adr/0003-token-verification.md.
 *
 * A token already verified is remembered, keyed by its exact text, until it expires: a client
 * sends the same token on every request for minutes, and checking its RSA signature each time was
 * ~6% of the API's CPU on the decision path (ADR 0010). The memory is bounded; the oldest entry goes first.
 */
export class TokenVerifier {
  private readonly keys: ReturnType<typeof createRemoteJWKSet>;
  private readonly verified = new Map<string, Principal>();

  constructor(private readonly options: TokenVerifierOptions) {
    const jwksUrl = options.jwksUrl ?? `${options.issuer.replace(/\/$/, '')}/protocol/openid-connect/certs`;
    this.keys = createRemoteJWKSet(new URL(jwksUrl), { cooldownDuration: 30_000, cacheMaxAge: 10 * 60_000 });
  }

  async verify(token: string, now = new Date()): Promise<Principal> {
    const known = this.verified.get(token);
    if (known && known.expiresAt > now) return known;
    if (known) this.verified.delete(token);
    const principal = await this.verifyAtIssuer(token);
    this.remember(token, principal);
    return principal;
  }

  private remember(token: string, principal: Principal): void {
    const capacity = this.options.cacheSize ?? DEFAULT_CACHE_SIZE;
    if (capacity <= 0) return;
    if (this.verified.size >= capacity) this.verified.delete(this.verified.keys().next().value!);
    this.verified.set(token, principal);
  }

  private async verifyAtIssuer(token: string): Promise<Principal> {
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
