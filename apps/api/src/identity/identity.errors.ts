import { DomainError } from '@kasian/errors';

export class NotAPersonOfAnOfficeError extends DomainError {
  readonly code = 'NO_PERSON_FOR_ACCOUNT';
  readonly httpStatus = 403;
  readonly messageTh = 'บัญชีนี้ยังไม่ได้ผูกกับบุคลากรของหน่วยงาน';
  constructor(subject: string) {
    super('This account is not linked to a person of an office.', { subject });
  }
}
