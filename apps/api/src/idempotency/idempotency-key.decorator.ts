import { applyDecorators } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import { InvalidIdempotencyKeyError } from './idempotency.errors';

const KEY = /^[\x21-\x7e]{1,200}$/;

/** The Idempotency-Key header (undefined when absent); a malformed one is refused. */
export function readIdempotencyKey(headers: Record<string, string | undefined>): string | undefined {
  const header = headers['idempotency-key'];
  if (header === undefined) return undefined;
  if (!KEY.test(header)) throw new InvalidIdempotencyKeyError();
  return header;
}

/** Documents the header on a mutation that accepts it. */
export const AcceptsIdempotencyKey = () =>
  applyDecorators(
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description: 'Retries with the same key (same caller, same request) return the first result instead of acting twice.',
    }),
  );
