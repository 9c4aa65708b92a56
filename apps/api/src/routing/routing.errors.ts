import { DomainError } from '@kasian/errors';
import type { WorkflowError } from '@kasian/workflow';

const STATUS = { conflict: 409, forbidden: 403, invalid: 400 } as const;

/** The workflow core refused the action; its code, category and messages pass through unchanged. */
export class RouteActionRefusedError extends DomainError {
  readonly code: string;
  readonly httpStatus: number;
  readonly messageTh: string;
  constructor(error: WorkflowError) {
    super(error.message, error.details ? { ...error.details } : undefined);
    this.code = error.code;
    this.httpStatus = STATUS[error.category];
    this.messageTh = error.messageTh;
  }
}

export class VersionConflictError extends DomainError {
  readonly code = 'VERSION_CONFLICT';
  readonly httpStatus = 409;
  readonly messageTh = 'มีผู้ดำเนินการกับเอกสารนี้ไปก่อนแล้ว กรุณาโหลดข้อมูลใหม่';
  constructor(expected: number, actual: number) {
    super('Someone acted on this document since you loaded it; reload it.', { expectedVersion: expected, currentVersion: actual });
  }
}

export class NoDrafterPositionError extends DomainError {
  readonly code = 'NO_DRAFTER_POSITION';
  readonly httpStatus = 403;
  readonly messageTh: string;
  constructor(held: string[]) {
    super(
      held.length ? 'You hold several positions: name the one you draft in (positionId).' : 'You hold no position today, so you cannot draft.',
      { heldPositionIds: held },
    );
    this.messageTh = held.length ? 'ท่านดำรงหลายตำแหน่ง กรุณาระบุตำแหน่งที่จัดทำเอกสาร' : 'ท่านไม่มีตำแหน่งในวันนี้ จึงจัดทำเอกสารไม่ได้';
  }
}

export class NoRouteTemplateError extends DomainError {
  readonly code = 'NO_ROUTE_TEMPLATE';
  readonly httpStatus = 409;
  readonly messageTh = 'หน่วยงานยังไม่ได้กำหนดเส้นทางเสนอสำหรับเอกสารประเภทนี้';
  constructor(kind: string) {
    super(`The office has no route template for ${kind} documents.`, { documentKind: kind });
  }
}

export class DocumentLockedError extends DomainError {
  readonly code = 'DOCUMENT_LOCKED';
  readonly httpStatus = 409;
  readonly messageTh = 'แก้ไขเอกสารได้เฉพาะเมื่อยังเป็นร่างหรือถูกส่งคืนแก้ไข';
  constructor(status: string) {
    super('A document can be revised only while it is a draft or returned for revision.', { routeStatus: status });
  }
}

export class NotTheDrafterError extends DomainError {
  readonly code = 'NOT_DRAFTER';
  readonly httpStatus = 403;
  readonly messageTh = 'เฉพาะผู้จัดทำเอกสารเท่านั้นที่แก้ไขได้';
  constructor() {
    super('Only the drafter may revise the document.');
  }
}
