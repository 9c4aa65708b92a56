import { DomainError } from '@kasian/errors';

export class GrantOutsideOfficeError extends DomainError {
  readonly code = 'GRANT_OUTSIDE_OFFICE';
  readonly httpStatus = 400;
  readonly messageTh = 'บุคคลหรือตำแหน่งที่ระบุไม่ได้อยู่ในหน่วยงานของท่าน';
  constructor(details: Record<string, unknown>) {
    super('The person or positions named are not of your office.', details);
  }
}

export class InvalidGrantPeriodError extends DomainError {
  readonly code = 'INVALID_GRANT_PERIOD';
  readonly httpStatus = 400;
  readonly messageTh = 'วันสิ้นสุดต้องอยู่หลังวันเริ่มต้น';
  constructor(startsAt: string, endsAt: string) {
    super('The end must come after the start.', { startsAt, endsAt });
  }
}
