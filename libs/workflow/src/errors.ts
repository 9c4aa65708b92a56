/** conflict: the route is not in a state for it (409); forbidden: not this person (403); invalid: bad input (400). */
export type ErrorCategory = 'conflict' | 'forbidden' | 'invalid';

const CATALOGUE = {
  INVALID_TEMPLATE: ['invalid', 'The route template is not valid.', 'แม่แบบเส้นทางเอกสารไม่ถูกต้อง'],
  NOT_DRAFTER: ['forbidden', 'Only the drafter may do this.', 'เฉพาะผู้จัดทำเอกสารเท่านั้นที่ดำเนินการนี้ได้'],
  ALREADY_SUBMITTED: ['conflict', 'The document has already been submitted.', 'เอกสารนี้ได้เสนอไปแล้ว'],
  ROUTE_FINISHED: ['conflict', 'The route has finished.', 'เส้นทางเอกสารนี้สิ้นสุดแล้ว'],
  NOT_IN_ROUTE: ['conflict', 'The document is not being routed right now.', 'เอกสารนี้ไม่ได้อยู่ระหว่างการเสนอ'],
  NOT_RETURNED: ['conflict', 'The document is not waiting for a revision.', 'เอกสารนี้ไม่ได้อยู่ระหว่างส่งคืนแก้ไข'],
  NOT_YOUR_TURN: ['conflict', 'It is not your turn at this document.', 'ยังไม่ถึงขั้นตอนของท่าน'],
  NOT_AUTHORISED_FOR_POSITION: ['forbidden', 'You do not hold, act in or have a delegation for the addressed position.', 'ท่านไม่มีอำนาจดำเนินการแทนตำแหน่งที่ได้รับเสนอ'],
  AMBIGUOUS_POSITION: ['invalid', 'You can act for several positions at this step; name one.', 'ท่านดำเนินการได้หลายตำแหน่งในขั้นตอนนี้ กรุณาระบุตำแหน่ง'],
  ALREADY_DECIDED: ['conflict', 'This has already been decided at this step.', 'ได้มีการพิจารณาในขั้นตอนนี้แล้ว'],
  DRAFTER_CANNOT_DECIDE: ['forbidden', 'The drafter may not decide on their own document at this step.', 'ผู้จัดทำเอกสารไม่สามารถพิจารณาเอกสารของตนเองในขั้นตอนนี้ได้'],
  WORD_NOT_ALLOWED: ['invalid', 'This decision word is not allowed here.', 'คำสั่งการนี้ใช้ในขั้นตอนนี้ไม่ได้'],
  COMMENT_REQUIRED: ['invalid', 'This step needs a comment.', 'ขั้นตอนนี้ต้องระบุความเห็น'],
  COMMENT_NOT_ALLOWED: ['invalid', 'This step takes no comment.', 'ขั้นตอนนี้ไม่รับความเห็น'],
  REASON_REQUIRED: ['invalid', 'A reason is required.', 'ต้องระบุเหตุผล'],
  RETURN_NOT_ALLOWED: ['conflict', 'A document cannot be returned from this step.', 'ขั้นตอนนี้ส่งคืนแก้ไขไม่ได้'],
  INVALID_RETURN_TARGET: ['invalid', 'The document can only be returned to the drafter or to an earlier completed step.', 'ส่งคืนได้เฉพาะผู้จัดทำหรือขั้นตอนก่อนหน้าที่พิจารณาแล้ว'],
  NOTHING_TO_RECALL: ['conflict', 'There is nothing you can recall.', 'ไม่มีรายการที่ท่านดึงคืนได้'],
  CANNOT_CANCEL: ['conflict', 'The document cannot be cancelled once someone has decided on it.', 'ยกเลิกไม่ได้เนื่องจากมีการพิจารณาเอกสารแล้ว'],
  SAME_DOCUMENT_VERSION: ['invalid', 'A resubmission needs a new document version.', 'การเสนอใหม่ต้องเป็นเอกสารฉบับแก้ไขใหม่'],
} as const satisfies Record<string, readonly [ErrorCategory, string, string]>;

export type WorkflowErrorCode = keyof typeof CATALOGUE;
export const WORKFLOW_ERROR_CODES = Object.keys(CATALOGUE) as WorkflowErrorCode[];

export interface WorkflowError {
  readonly code: WorkflowErrorCode;
  readonly category: ErrorCategory;
  readonly message: string;
  readonly messageTh: string;
  readonly details?: Readonly<Record<string, unknown>>;
}

export function workflowError(code: WorkflowErrorCode, details?: Record<string, unknown>): WorkflowError {
  const [category, message, messageTh] = CATALOGUE[code];
  return details === undefined ? { code, category, message, messageTh } : { code, category, message, messageTh, details };
}
