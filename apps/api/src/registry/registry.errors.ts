import { DomainError } from '@kasian/errors';
import { toThaiDigits } from '@kasian/thai';

export type RegisterNumberErrorCode =
  | 'REGISTER_NUMBER_MALFORMED'
  | 'REGISTER_NUMBER_PREFIX_UNKNOWN'
  | 'REGISTER_NUMBER_OFFICE_CODE_MISMATCH'
  | 'REGISTER_NUMBER_YEAR_INVALID'
  | 'REGISTER_NUMBER_OUT_OF_RANGE'
  | 'REGISTER_NUMBER_YEAR_MISMATCH';

/** A number that does not fit the register's format; `details.raw` is the text as given, `details.expected` an example. */
export class RegisterNumberFormatError extends DomainError {
  readonly httpStatus = 400;
  constructor(
    readonly code: RegisterNumberErrorCode,
    message: string,
    readonly messageTh: string,
    details: Record<string, unknown>,
  ) {
    super(message, details);
  }
}

export class RegisterNotFoundError extends DomainError {
  readonly code = 'REGISTER_NOT_FOUND';
  readonly httpStatus = 404;
  readonly messageTh = 'ไม่พบทะเบียนนี้ในหน่วยงานของท่าน';
  constructor(registerId: string) {
    super('Your office has no register with this id.', { registerId });
  }
}

/** A register named in a request body (`registerId`) that is not one of the office's: the request is wrong, not the URL (400, not 404). */
export class RegisterUnknownError extends DomainError {
  readonly code = 'REGISTER_UNKNOWN';
  readonly httpStatus = 400;
  readonly messageTh = 'ไม่มีทะเบียนที่ระบุ (registerId) ในหน่วยงานของท่าน';
  constructor(registerId: string) {
    super('registerId names no register of your office.', { field: 'registerId', registerId });
  }
}

export class RegisterEntryNotFoundError extends DomainError {
  readonly code = 'REGISTER_ENTRY_NOT_FOUND';
  readonly httpStatus = 404;
  readonly messageTh = 'ไม่พบรายการนี้ในทะเบียน';
  constructor(registerId: string, entryId: string) {
    super('The register has no entry with this id.', { registerId, entryId });
  }
}

export class RegisterDocumentNotFoundError extends DomainError {
  readonly code = 'REGISTER_DOCUMENT_NOT_FOUND';
  readonly httpStatus = 404;
  readonly messageTh = 'ไม่พบเอกสารนี้ในหน่วยงานของท่าน';
  constructor(documentId: string) {
    super('Your office has no document with this id.', { documentId });
  }
}

export class RegisterDocumentKindMismatchError extends DomainError {
  readonly code = 'REGISTER_DOCUMENT_KIND_MISMATCH';
  readonly httpStatus = 400;
  readonly messageTh = 'ประเภทเอกสารไม่ตรงกับทะเบียน';
  constructor(documentId: string, documentKind: string, registerKind: string) {
    super(`This register numbers ${registerKind} documents; the document is a ${documentKind}.`, { documentId, documentKind, registerKind });
  }
}

export interface ExistingEntry {
  id: string;
  year: number;
  number: number;
  numberText: string;
  documentId: string | null;
  subject: string | null;
  status: string;
}

/** A number already in the register-year (issued, entered or cancelled); names the entry that holds it. */
export class RegisterNumberTakenError extends DomainError {
  readonly code = 'REGISTER_NUMBER_TAKEN';
  readonly httpStatus = 409;
  readonly messageTh: string;
  constructor(existing: ExistingEntry) {
    const holder = [existing.documentId && `document ${existing.documentId}`, existing.subject && `«${existing.subject}»`].filter(Boolean).join(', ');
    super(`Number ${existing.numberText} of ${existing.year} is already in the register (entry ${existing.id}${holder ? `, ${holder}` : ''}).`, {
      existingEntry: existing,
    });
    const cancelled = existing.status === 'CANCELLED' ? ' (ยกเลิกแล้ว ใช้ซ้ำไม่ได้)' : '';
    this.messageTh = `เลขที่ ${existing.numberText} ปี ${toThaiDigits(existing.year)} มีอยู่ในทะเบียนแล้ว${existing.subject ? ` เรื่อง «${existing.subject}»` : ''}${cancelled}`;
  }
}

export class DocumentAlreadyNumberedError extends DomainError {
  readonly code = 'DOCUMENT_ALREADY_NUMBERED';
  readonly httpStatus = 409;
  readonly messageTh: string;
  constructor(existing: ExistingEntry) {
    super(`The document already holds number ${existing.numberText} of ${existing.year} in this register; cancel it first to issue another.`, {
      existingEntry: existing,
    });
    this.messageTh = `เอกสารนี้ได้เลขที่ ${existing.numberText} ในทะเบียนนี้แล้ว หากต้องการออกเลขใหม่ ให้ยกเลิกเลขเดิมก่อน`;
  }
}

export class RegisterEntryAlreadyCancelledError extends DomainError {
  readonly code = 'REGISTER_ENTRY_ALREADY_CANCELLED';
  readonly httpStatus = 409;
  readonly messageTh = 'เลขนี้ถูกยกเลิกไปแล้ว';
  constructor(entryId: string, reason: string | null) {
    super('This number is already cancelled.', { entryId, cancelledReason: reason });
  }
}

export class RegisterCodeTakenError extends DomainError {
  readonly code = 'REGISTER_CODE_TAKEN';
  readonly httpStatus = 409;
  readonly messageTh = 'รหัสทะเบียนนี้มีอยู่แล้วในหน่วยงาน';
  constructor(code: string, existingId: string) {
    super(`Your office already has a register with code "${code}".`, { code, existingRegisterId: existingId });
  }
}

export class RegisterSettingsInvalidError extends DomainError {
  readonly code = 'REGISTER_SETTINGS_INVALID';
  readonly httpStatus = 400;
  readonly messageTh: string;
  constructor(message: string, messageTh: string, field: string) {
    super(message, { field });
    this.messageTh = messageTh;
  }
}

/** The office keeps several registers for this kind of document: the drafter names the one that numbers it. */
export class RegisterChoiceRequiredError extends DomainError {
  readonly code = 'REGISTER_CHOICE_REQUIRED';
  readonly httpStatus = 400;
  readonly messageTh = 'หน่วยงานมีทะเบียนสำหรับเอกสารประเภทนี้หลายเล่ม โปรดระบุทะเบียนที่จะใช้ออกเลข';
  constructor(kind: string, registers: { id: string; code: string; nameTh: string }[]) {
    super(`Your office keeps several registers for ${kind} documents; name one as registerId.`, {
      kind,
      registers: registers.map(({ id, code, nameTh }) => ({ id, code, nameTh })),
    });
  }
}
