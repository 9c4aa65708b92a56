import { DomainError } from '@kasian/errors';

export class IdempotencyKeyReusedError extends DomainError {
  readonly code = 'IDEMPOTENCY_KEY_REUSED';
  readonly httpStatus = 422;
  readonly messageTh = 'Idempotency-Key นี้เคยใช้กับคำขออื่นแล้ว กรุณาใช้คีย์ใหม่';
  constructor(operation: string) {
    super('This Idempotency-Key was already used for a different request; send a new key.', { operation });
  }
}

export class InvalidIdempotencyKeyError extends DomainError {
  readonly code = 'INVALID_IDEMPOTENCY_KEY';
  readonly httpStatus = 400;
  readonly messageTh = 'Idempotency-Key ต้องเป็นอักขระที่มองเห็นได้ ๑ ถึง ๒๐๐ ตัว';
  constructor() {
    super('Idempotency-Key must be 1 to 200 visible ASCII characters.');
  }
}
