import { applyDecorators, createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { Principal, Role } from './principal';

export const AUTHORIZE_KEY = 'kasian:authorize';

export interface AuthorizeRule {
  /** Anyone (no token needed): health, documentation. */
  public?: boolean;
  /** Any one of these realm roles is enough; empty = any signed-in user. */
  roles: Role[];
}

/**
 * The one authorisation decorator. Every route needs it (the global guard
 * refuses routes without it): `@Authorize()` for any signed-in user,
 * `@Authorize(Role.Admin)` to require a role, `@Authorize.Public()` for none.
 */
export function Authorize(...roles: Role[]) {
  return applyDecorators(
    SetMetadata(AUTHORIZE_KEY, { roles } satisfies AuthorizeRule),
    ApiBearerAuth(),
    ApiUnauthorizedResponse({ description: 'No token, or an invalid or expired one (UNAUTHENTICATED)' }),
    ...(roles.length ? [ApiForbiddenResponse({ description: `Needs one of: ${roles.join(', ')} (FORBIDDEN)` })] : []),
  );
}
Authorize.Public = () => SetMetadata(AUTHORIZE_KEY, { public: true, roles: [] } satisfies AuthorizeRule);

/** The verified caller of the current request. */
export const CurrentPrincipal = createParamDecorator((_data: unknown, context: ExecutionContext): Principal => {
  return context.switchToHttp().getRequest<{ principal: Principal }>().principal;
});
