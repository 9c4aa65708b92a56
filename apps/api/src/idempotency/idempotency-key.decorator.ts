import { applyDecorators, createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import { InvalidIdempotencyKeyError } from './idempotency.errors';

const KEY = /^[\x21-\x7e]{1,200}$/;

/** The request's Idempotency-Key header (undefined when absent); a malformed one is refused. */
export const IdempotencyKey = createParamDecorator((_data: unknown, context: ExecutionContext): string | undefined => {
  const header = context.switchToHttp().getRequest<{ headers: Record<string, string | undefined> }>().headers['idempotency-key'];
  if (header === undefined) return undefined;
  if (!KEY.test(header)) throw new InvalidIdempotencyKeyError();
  return header;
});

/** Documents the header on a mutation that accepts it. */
export const AcceptsIdempotencyKey = () =>
  applyDecorators(
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description: 'Retries with the same key (same caller, same request) return the first result instead of acting twice.',
    }),
  );
