import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Principal } from '@kasian/auth';
import { readIdempotencyKey } from './idempotency-key.decorator';

/** Who is asking, with the request's Idempotency-Key and request id: what every mutation needs. */
export interface CallerContext {
  principal: Principal;
  idempotencyKey?: string;
  requestId?: string;
}

export const Caller = createParamDecorator((_data: unknown, context: ExecutionContext): CallerContext => {
  const request = context.switchToHttp().getRequest<{ principal: Principal; id: string; headers: Record<string, string | undefined> }>();
  return { principal: request.principal, idempotencyKey: readIdempotencyKey(request.headers), requestId: request.id };
});
