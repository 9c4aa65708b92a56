import { HttpException } from '@nestjs/common';
import { DomainError, type ErrorBody } from '@kasian/errors';

const HTTP_CODES: Record<number, { code: string; message: string; messageTh: string }> = {
  400: { code: 'BAD_REQUEST', message: 'The request could not be understood.', messageTh: 'คำขอไม่ถูกต้อง' },
  404: { code: 'ROUTE_NOT_FOUND', message: 'There is nothing at this address.', messageTh: 'ไม่พบปลายทางที่เรียก' },
  405: { code: 'METHOD_NOT_ALLOWED', message: 'This method is not allowed here.', messageTh: 'ไม่อนุญาตให้ใช้วิธีการเรียกนี้' },
  413: { code: 'PAYLOAD_TOO_LARGE', message: 'The request body is too large.', messageTh: 'ข้อมูลที่ส่งมีขนาดใหญ่เกินกำหนด' },
  415: { code: 'UNSUPPORTED_MEDIA_TYPE', message: 'This content type is not accepted.', messageTh: 'ไม่รองรับชนิดข้อมูลที่ส่งมา' },
  429: { code: 'TOO_MANY_REQUESTS', message: 'Too many requests; try again shortly.', messageTh: 'มีคำขอมากเกินไป กรุณาลองใหม่ภายหลัง' },
};

const INTERNAL = {
  code: 'INTERNAL_ERROR',
  message: 'Something went wrong on our side. The request id identifies it in the logs.',
  messageTh: 'ระบบขัดข้อง กรุณาแจ้งผู้ดูแลระบบพร้อมรหัสคำขอ (request id)',
};

/** Fastify raises plain errors with a statusCode for body-parsing problems. */
interface ErrorWithStatus {
  statusCode: number;
  code?: string;
  message: string;
}

function hasClientStatus(error: unknown): error is ErrorWithStatus {
  const status = (error as ErrorWithStatus | null)?.statusCode;
  return typeof status === 'number' && status >= 400 && status < 500;
}

/** Maps anything thrown while handling a request to the one error body shape. */
export function toErrorResponse(error: unknown): { status: number; body: ErrorBody } {
  if (error instanceof DomainError) {
    const body: ErrorBody = { code: error.code, message: error.message, messageTh: error.messageTh };
    if (error.details !== undefined) body.details = error.details;
    return { status: error.httpStatus, body };
  }
  const status = error instanceof HttpException ? error.getStatus() : hasClientStatus(error) ? error.statusCode : 500;
  if (status >= 500) return { status: 500, body: { ...INTERNAL } };
  const known = HTTP_CODES[status] ?? { code: `HTTP_${status}`, message: 'The request was refused.', messageTh: 'คำขอถูกปฏิเสธ' };
  const detail = error instanceof Error ? error.message : undefined;
  return { status, body: { ...known, ...(detail && detail !== known.message ? { details: { reason: detail } } : {}) } };
}
