import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ForbiddenError, UnauthenticatedError } from '@kasian/errors';
import { AUTHORIZE_KEY, type AuthorizeRule } from './auth.decorators';
import type { Principal } from './principal';
import { TokenVerifier } from './token-verifier';

interface AuthenticatedRequest {
  headers: Record<string, string | string[] | undefined>;
  principal?: Principal;
}

/**
 * Global guard: authenticates bearer tokens and enforces @Authorize rules. Routes without a
 * rule are refused (and AuthorizeCoverageCheck stops such an app from starting at all).
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(TokenVerifier) private readonly verifier: TokenVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const rule = this.reflector.getAllAndOverride<AuthorizeRule | undefined>(AUTHORIZE_KEY, [context.getHandler(), context.getClass()]);
    if (!rule) throw new Error(`Route ${context.getClass().name}.${context.getHandler().name} has no @Authorize rule`);
    if (rule.public) return true;

    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    request.principal = await this.verifier.verify(bearerToken(request));
    if (rule.roles.length && !rule.roles.some((role) => request.principal!.roles.includes(role))) {
      throw new ForbiddenError(rule.roles);
    }
    return true;
  }
}

function bearerToken(request: AuthenticatedRequest): string {
  const header = request.headers.authorization;
  const value = Array.isArray(header) ? header[0] : header;
  const match = value?.match(/^Bearer\s+(\S+)$/i);
  if (!match) {
    throw new UnauthenticatedError(
      'missing_token',
      'Sign in first: send an access token as "Authorization: Bearer <token>".',
      'กรุณาเข้าสู่ระบบก่อน (ไม่พบโทเคนการเข้าใช้งาน)',
    );
  }
  return match[1];
}
