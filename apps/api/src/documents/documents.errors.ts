import { DomainError } from '@kasian/errors';

/** The drafted content does not fit its kind; `details` lists every field that is off as `{ path, code }`. */
export class InvalidDocumentContentError extends DomainError {
  readonly code = 'INVALID_DOCUMENT_CONTENT';
  readonly httpStatus = 400;
  readonly messageTh = 'เนื้อหาเอกสารไม่ถูกต้อง';
  constructor(problems: { path: string; code: string }[]) {
    super(`The document content is not valid: ${problems.map((p) => `${p.path} (${p.code})`).join(', ')}.`, problems);
  }
}

export class DocumentTitleEmptyError extends DomainError {
  readonly code = 'TITLE_EMPTY';
  readonly httpStatus = 400;
  readonly messageTh = 'ต้องระบุชื่อเรื่องของเอกสาร';
  constructor() {
    super('The document needs a title: it is empty or only spaces.', { field: 'title' });
  }
}

export class DocumentTitleTooLongError extends DomainError {
  readonly code = 'TITLE_TOO_LONG';
  readonly httpStatus = 400;
  readonly messageTh: string;
  constructor(length: number, max: number) {
    super(`The title is ${length} characters long; at most ${max} are allowed.`, { field: 'title', length, max });
    this.messageTh = `ชื่อเรื่องยาวเกินไป (ไม่เกิน ${max} ตัวอักษร)`;
  }
}
