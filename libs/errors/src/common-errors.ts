import { DomainError } from './domain-error';

export class ValidationFailedError extends DomainError {
  readonly code = 'VALIDATION_FAILED';
  readonly httpStatus = 400;
  readonly messageTh = 'ข้อมูลที่ส่งมาไม่ถูกต้อง';
  constructor(details: unknown[]) {
    super('The request is not valid.', details);
  }
}

export class UnauthenticatedError extends DomainError {
  readonly code = 'UNAUTHENTICATED';
  readonly httpStatus = 401;
  readonly messageTh: string;
  constructor(
    readonly reason: 'missing_token' | 'malformed_token' | 'expired_token' | 'invalid_signature' | 'invalid_claims',
    message: string,
    messageTh: string,
  ) {
    super(message, { reason });
    this.messageTh = messageTh;
  }
}

export class ForbiddenError extends DomainError {
  readonly code = 'FORBIDDEN';
  readonly httpStatus = 403;
  readonly messageTh = 'ท่านไม่มีสิทธิ์ดำเนินการนี้';
  constructor(requiredRoles: string[]) {
    super(`This action needs one of the roles: ${requiredRoles.join(', ')}.`, { requiredRoles });
  }
}

export class NotFoundError extends DomainError {
  readonly code = 'NOT_FOUND';
  readonly httpStatus = 404;
  readonly messageTh: string;
  constructor(what: string, whatTh: string, id?: string) {
    super(`${what} was not found.`, id ? { id } : undefined);
    this.messageTh = `ไม่พบ${whatTh}`;
  }
}

export class NotReadyError extends DomainError {
  readonly code = 'NOT_READY';
  readonly httpStatus = 503;
  readonly messageTh: string;
  constructor(down: string[], details: Record<string, unknown>) {
    super(`Not ready: ${down.join(', ')} ${down.length === 1 ? 'is' : 'are'} down.`, details);
    this.messageTh = `ระบบยังไม่พร้อมใช้งาน: ${down.join(', ')} ไม่ตอบสนอง`;
  }
}
