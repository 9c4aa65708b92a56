import type { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ForbiddenError, UnauthenticatedError } from '@kasian/errors';
import { Authorize } from './auth.decorators';
import { AuthGuard } from './auth.guard';
import { type Principal, Role } from './principal';
import type { TokenVerifier } from './token-verifier';

class Routes {
  @Authorize.Public() open() {}
  @Authorize() anyone() {}
  @Authorize(Role.Admin) adminOnly() {}
  forgotten() {}
}

const principal = (roles: string[]): Principal => ({
  subject: 's',
  username: 'u',
  officeCode: 'patueng',
  roles,
  tokenId: null,
  expiresAt: new Date(Date.now() + 60_000),
});

function contextFor(handler: keyof Routes, authorization?: string) {
  const request: { headers: Record<string, string>; principal?: Principal } = { headers: authorization ? { authorization } : {} };
  const context = {
    getHandler: () => Routes.prototype[handler],
    getClass: () => Routes,
    switchToHttp: () => ({ getRequest: () => request }),
  } as unknown as ExecutionContext;
  return { context, request };
}

describe('AuthGuard with @Authorize', () => {
  const tokens: Record<string, Principal> = { 'staff-token': principal(['staff']), 'admin-token': principal(['admin']) };
  const verifier = {
    verify: async (token: string) => {
      if (tokens[token]) return tokens[token];
      throw new UnauthenticatedError('invalid_signature', 'bad', 'ไม่ถูกต้อง');
    },
  } as unknown as TokenVerifier;
  const guard = new AuthGuard(new Reflector(), verifier);

  it('lets anyone through a public route without a token', async () => {
    await expect(guard.canActivate(contextFor('open').context)).resolves.toBe(true);
  });

  it('asks for a bearer token on other routes', async () => {
    await expect(guard.canActivate(contextFor('anyone').context)).rejects.toMatchObject({ reason: 'missing_token' });
    await expect(guard.canActivate(contextFor('anyone', 'Basic abc').context)).rejects.toMatchObject({ reason: 'missing_token' });
  });

  it('attaches the verified principal to the request', async () => {
    const { context, request } = contextFor('anyone', 'Bearer staff-token');
    await expect(guard.canActivate(context)).resolves.toBe(true);
    expect(request.principal?.roles).toEqual(['staff']);
  });

  it('refuses a caller without the required role with FORBIDDEN', async () => {
    await expect(guard.canActivate(contextFor('adminOnly', 'Bearer staff-token').context)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(guard.canActivate(contextFor('adminOnly', 'Bearer admin-token').context)).resolves.toBe(true);
  });

  it('fails closed on a route that has no @Authorize rule', async () => {
    await expect(guard.canActivate(contextFor('forgotten', 'Bearer admin-token').context)).rejects.toThrow(/has no @Authorize rule/);
  });
});
