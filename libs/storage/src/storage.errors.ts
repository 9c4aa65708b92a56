import { DomainError } from '@kasian/errors';

/** MinIO could not be reached or failed on its side: the request changed nothing and can be retried. */
export class StorageUnavailableError extends DomainError {
  readonly code = 'STORAGE_UNAVAILABLE';
  readonly httpStatus = 503;
  readonly messageTh = 'ระบบจัดเก็บไฟล์ (MinIO) ไม่พร้อมใช้งานในขณะนี้ ไม่มีการบันทึกข้อมูลใด ๆ กรุณาลองใหม่ภายหลัง';
  constructor(operation: string, cause: unknown) {
    super(`File storage (MinIO) is unavailable; nothing was stored. Try again later.`, { operation, reason: reasonOf(cause) });
  }
}

/** The source produced more bytes than allowed; the upload was abandoned. */
export class StreamTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`the stream exceeded ${maxBytes} bytes`);
    this.name = 'StreamTooLargeError';
  }
}

/** The source failed (typically the client went away mid-upload); the upload was abandoned. */
export class SourceInterruptedError extends Error {
  constructor(readonly receivedBytes: number, cause: unknown) {
    super(`the source stream failed after ${receivedBytes} bytes: ${reasonOf(cause)}`, { cause });
    this.name = 'SourceInterruptedError';
  }
}

/** The evidence bucket exists without object locking, which cannot be switched on after creation. */
export class BucketWithoutObjectLockError extends Error {
  constructor(bucket: string, variable: string) {
    super(
      `Storage bucket "${bucket}" exists without object locking. Evidence needs a bucket created with object locking ` +
        `(MinIO cannot turn it on later): set ${variable} to a bucket name that does not exist yet and Kasian creates it ` +
        `correctly at start, or copy the objects into such a bucket. See docs/adr/0012-evidence-room.md.`,
    );
    this.name = 'BucketWithoutObjectLockError';
  }
}

const UNREACHABLE = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'UND_ERR_SOCKET']);
const SERVER_SIDE = new Set(['ServiceUnavailable', 'SlowDown', 'InternalError', 'XMinioServerNotInitialized', 'XMinioStorageFull', 'RequestTimeout']);

/** Whether an error from the MinIO client means the service is down or failing, rather than a refusal of our request. */
export function isStorageUnavailable(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: string; message?: string };
  if (code && (UNREACHABLE.has(code) || SERVER_SIDE.has(code))) return true;
  return /socket hang up|Request failed after \d+ retries|Retryable HTTP status/.test(message ?? '');
}

function reasonOf(cause: unknown): string {
  const { code, message } = (cause ?? {}) as { code?: string; message?: string };
  return [code, message].filter(Boolean).join(': ') || String(cause);
}
