import { DomainError } from '@kasian/errors';
import type { FileNameProblem } from '@kasian/evidence';

export class EvidenceNotFoundError extends DomainError {
  readonly code = 'EVIDENCE_NOT_FOUND';
  readonly httpStatus = 404;
  readonly messageTh = 'ไม่พบหลักฐานนี้ในหน่วยงานของท่าน';
  constructor(evidenceId: string) {
    super('Your office has no evidence with this id.', { evidenceId });
  }
}

export class EvidenceRemovedError extends DomainError {
  readonly code = 'EVIDENCE_REMOVED';
  readonly httpStatus = 410;
  readonly messageTh = 'หลักฐานนี้ถูกลบออกแล้ว';
  constructor(evidenceId: string, removedAt: Date) {
    super('This evidence was removed.', { evidenceId, removedAt: removedAt.toISOString() });
  }
}

export class EvidenceTypeNotAllowedError extends DomainError {
  readonly code = 'EVIDENCE_TYPE_NOT_ALLOWED';
  readonly httpStatus = 415;
  readonly messageTh: string;
  constructor(detected: string | null, allowed: readonly string[]) {
    super(
      `The file's content is ${detected ? `a ${detected} file` : 'not a recognised file type'}; accepted are ${allowed.join(', ')} (checked from the bytes, not the name).`,
      { detected, allowed },
    );
    this.messageTh = `เนื้อไฟล์${detected ? `เป็นชนิด ${detected}` : 'ไม่ใช่ชนิดที่รู้จัก'} ระบบรับเฉพาะ ${allowed.join(', ')} (ตรวจจากเนื้อไฟล์ ไม่ใช่จากชื่อไฟล์)`;
  }
}

export class EvidenceEmptyError extends DomainError {
  readonly code = 'EVIDENCE_EMPTY';
  readonly httpStatus = 400;
  readonly messageTh = 'ไฟล์ว่างเปล่า';
  constructor() {
    super('The file is empty.');
  }
}

export class EvidenceTooLargeError extends DomainError {
  readonly code = 'EVIDENCE_TOO_LARGE';
  readonly httpStatus = 413;
  readonly messageTh: string;
  constructor(maxBytes: number, declaredBytes?: number) {
    super(`The file is larger than the limit of ${maxBytes} bytes; nothing was stored.`, { maxBytes, ...(declaredBytes === undefined ? {} : { declaredBytes }) });
    this.messageTh = `ไฟล์มีขนาดเกิน ${Math.round(maxBytes / 1024 / 1024)} MB ที่กำหนด ไม่มีการบันทึกไฟล์`;
  }
}

const FILE_NAME_TH: Record<FileNameProblem, string> = {
  MISSING: 'ต้องระบุชื่อไฟล์ในส่วนหัว Content-Disposition',
  MALFORMED: 'ส่วนหัว Content-Disposition ไม่ถูกต้อง',
  TOO_LONG: 'ชื่อไฟล์ยาวเกิน ๒๕๕ ตัวอักษร',
};

export class EvidenceFileNameError extends DomainError {
  readonly code: string;
  readonly httpStatus = 400;
  readonly messageTh: string;
  constructor(problem: FileNameProblem) {
    super(`Send the file name as Content-Disposition: attachment; filename*=UTF-8''<percent-encoded name> (${problem.toLowerCase().replace('_', ' ')}).`);
    this.code = `EVIDENCE_FILE_NAME_${problem}`;
    this.messageTh = FILE_NAME_TH[problem];
  }
}

export class UploadContentTypeError extends DomainError {
  readonly code = 'UPLOAD_CONTENT_TYPE';
  readonly httpStatus = 415;
  readonly messageTh = 'ส่งไฟล์เป็นเนื้อหาของคำขอโดยตรง ด้วย Content-Type: application/octet-stream';
  constructor() {
    super('Send the file itself as the request body with Content-Type: application/octet-stream.');
  }
}

export class UploadInterruptedError extends DomainError {
  readonly code = 'UPLOAD_INTERRUPTED';
  readonly httpStatus = 400;
  readonly messageTh = 'การส่งไฟล์ถูกขัดจังหวะก่อนครบ ไม่มีการบันทึกไฟล์';
  constructor(receivedBytes: number) {
    super('The upload stopped before the end of the file; nothing was stored.', { receivedBytes });
  }
}

/** Approved (the route completed, or the ITA report of its year published): MinIO holds the object, and the API refuses to change it. */
export class EvidenceLockedError extends DomainError {
  readonly code = 'EVIDENCE_LOCKED';
  readonly httpStatus = 409;
  readonly messageTh: string;
  constructor(evidenceId: string, documentIds: string[], itaFiscalYears: number[] = []) {
    const ita = itaFiscalYears.length > 0 && documentIds.length === 0;
    super(
      ita
        ? 'This evidence proves a measure or an OIT item of a year whose ITA report is published: it can no longer be removed or replaced.'
        : 'This evidence belongs to an approved document: it can no longer be removed or replaced.',
      { evidenceId, documentIds, itaFiscalYears },
    );
    this.messageTh = ita
      ? 'หลักฐานนี้ใช้ประกอบมาตรการหรือข้อ OIT ของปีที่รายงานผล ITA ได้รับความเห็นชอบและเผยแพร่แล้ว จึงลบหรือแทนที่ไม่ได้'
      : 'หลักฐานนี้แนบกับเอกสารที่อนุมัติแล้ว จึงลบหรือแทนที่ไม่ได้';
  }
}

export class AttachmentsClosedError extends DomainError {
  readonly code = 'ATTACHMENTS_CLOSED';
  readonly httpStatus = 409;
  readonly messageTh = 'เอกสารนี้สิ้นสุดการเสนอแล้ว จึงแนบหลักฐานเพิ่มไม่ได้';
  constructor(documentId: string, routeStatus: string) {
    super('The document’s route is finished: nothing more can be attached.', { documentId, routeStatus });
  }
}

export class AlreadyAttachedError extends DomainError {
  readonly code = 'ALREADY_ATTACHED';
  readonly httpStatus = 409;
  readonly messageTh = 'หลักฐานนี้แนบกับเอกสารนี้อยู่แล้ว';
  constructor(documentId: string, evidenceId: string) {
    super('This evidence is already attached to the document.', { documentId, evidenceId });
  }
}

/** `evidence:check` found the object version gone from MinIO; the record stays for the trail. */
export class EvidenceObjectMissingError extends DomainError {
  readonly code = 'EVIDENCE_OBJECT_MISSING';
  readonly httpStatus = 410;
  readonly messageTh = 'ไม่พบไฟล์ของหลักฐานนี้ในระบบจัดเก็บ (ตรวจพบโดยการตรวจสอบความสอดคล้อง) กรุณาแจ้งผู้ดูแลระบบ';
  constructor(evidenceId: string, since: Date) {
    super('The stored file of this evidence is missing from MinIO (found by evidence:check); tell an administrator.', { evidenceId, missingSince: since.toISOString() });
  }
}
