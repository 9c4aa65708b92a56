import type { UnprintableContentError } from '@kasian/documents';
import { DomainError } from '@kasian/errors';

/** The document cannot be printed as an official document: a kind with no layout yet, or content that does not fit its kind. */
export class DocumentNotPrintableError extends DomainError {
  readonly code = 'DOCUMENT_NOT_PRINTABLE';
  readonly httpStatus = 422;

  private constructor(
    message: string,
    readonly messageTh: string,
    details: Record<string, unknown>,
  ) {
    super(message, details);
  }

  static kind(kind: string): DocumentNotPrintableError {
    return new DocumentNotPrintableError(
      `Official PDFs are printed for memos, orders, announcements and the ITA measures report; this document is a ${kind}.`,
      'ยังไม่มีรูปแบบหนังสือราชการสำหรับพิมพ์เอกสารประเภทนี้ (พิมพ์ได้เฉพาะบันทึกข้อความ คำสั่ง ประกาศ และรายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใส)',
      { kind },
    );
  }

  static content(error: UnprintableContentError): DocumentNotPrintableError {
    return new DocumentNotPrintableError(
      `The version cannot be printed: ${error.issues.map((i) => `${i.path} (${i.message})`).join(', ')}.`,
      'เนื้อหาของเอกสารฉบับนี้ยังไม่ครบตามรูปแบบหนังสือราชการ จึงพิมพ์ไม่ได้',
      { issues: error.issues },
    );
  }
}

/** The worker gave up printing (after its retries); asking again starts a new attempt. */
export class PdfRenderFailedError extends DomainError {
  readonly code = 'PDF_RENDER_FAILED';
  readonly httpStatus = 503;
  readonly messageTh = 'ระบบพิมพ์เอกสารเป็น PDF ไม่สำเร็จ โปรดลองใหม่อีกครั้ง';
  constructor(jobId: string, failedReason: string) {
    super(`The worker could not print the PDF: ${failedReason}`, { jobId, failedReason });
  }
}
