import type { Readable } from 'node:stream';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { type ApiConfig, APP_CONFIG } from '@kasian/config';
import { SqlTransactions } from '@kasian/database';
import { detectEvidenceKind, type EvidenceFileKind, EvidenceUploadJournal, FileNameError, fileNameFromHeader, safeBaseName } from '@kasian/evidence';
import { SourceInterruptedError, StorageService, StreamTooLargeError } from '@kasian/storage';
import { EvidenceEmptyError, EvidenceFileNameError, EvidenceTooLargeError, EvidenceTypeNotAllowedError, UploadContentTypeError, UploadInterruptedError } from './evidence.errors';

const MiB = 1024 * 1024;

/** A file as it arrives: the request body itself, its declared length, and its Content-Disposition. */
export interface IncomingFile {
  body: Readable | undefined;
  contentLength: number | null;
  contentDisposition: string | undefined;
}

/** Where an upload goes: the office's evidence key. */
export interface UploadTarget {
  officeId: string;
  key: string;
}

/** What was stored and verified in MinIO, ready to be recorded. */
export interface StoredFile {
  key: string;
  versionId: string | null;
  bucket: string;
  size: number;
  sha256: string;
  contentType: string;
  originalName: string;
  fileName: string;
}

/**
 * Takes an upload from the request body straight into MinIO (libs/storage streams it in parts):
 * the name and declared length are checked before a byte is read, the type from the first part
 * before anything is stored, the size while streaming; the stored object is checked against what
 * streamed through. `store` runs the database step after that and removes the object if the step
 * fails or turns out to be a replay: storage and database never disagree (ADR 0012).
 */
@Injectable()
export class EvidenceUploads {
  private readonly logger = new Logger(EvidenceUploads.name);
  private readonly maxBytes: number;
  private readonly allowed: readonly EvidenceFileKind[];
  private readonly journal: EvidenceUploadJournal;

  constructor(
    private readonly storage: StorageService,
    sql: SqlTransactions,
    @Inject(APP_CONFIG) config: Pick<ApiConfig, 'EVIDENCE_MAX_FILE_MB' | 'EVIDENCE_ALLOWED_TYPES'>,
  ) {
    this.maxBytes = config.EVIDENCE_MAX_FILE_MB * MiB;
    this.allowed = config.EVIDENCE_ALLOWED_TYPES;
    this.journal = new EvidenceUploadJournal({ sql, storage, warn: (message, context) => this.logger.warn(context, message) });
  }

  /** Refusals that need no byte of the body: a missing or bad name, a declared length over the limit. */
  precheck(file: IncomingFile): string {
    const originalName = nameOf(file.contentDisposition);
    if (!file.body) throw new UploadContentTypeError();
    if (file.contentLength !== null && file.contentLength > this.maxBytes) throw new EvidenceTooLargeError(this.maxBytes, file.contentLength);
    return originalName;
  }

  async store<T extends { replayed: boolean }>(file: IncomingFile, target: UploadTarget, record: (stored: StoredFile) => Promise<T>): Promise<T> {
    const stored = await this.receive(file, target);
    let result: T;
    try {
      result = await record(stored);
    } catch (error) {
      await this.discard(stored);
      throw error;
    }
    if (result.replayed) await this.discard(stored);
    return result;
  }

  private async receive(file: IncomingFile, { officeId, key }: UploadTarget): Promise<StoredFile> {
    const originalName = this.precheck(file);
    let detected = { kind: 'pdf' as EvidenceFileKind, contentType: '' };
    const stored = await this.storage
      .putStream('evidence', key, file.body!, {
        maxBytes: this.maxBytes,
        journal: this.journal.of(officeId, key),
        inspect: async (head) => {
          if (head.length === 0) throw new EvidenceEmptyError();
          const detection = await detectEvidenceKind(head, this.allowed);
          if (!detection.accepted) throw new EvidenceTypeNotAllowedError(detection.detected, this.allowed);
          detected = detection;
          return detection.contentType;
        },
      })
      .catch((error: unknown) => {
        if (error instanceof StreamTooLargeError) throw new EvidenceTooLargeError(this.maxBytes);
        if (error instanceof SourceInterruptedError) throw new UploadInterruptedError(error.receivedBytes);
        throw error;
      });
    const written = { key, versionId: stored.versionId, bucket: stored.bucket, size: stored.size, sha256: stored.sha256 };
    const { size } = await this.storage.stat('evidence', key, stored.versionId ?? undefined);
    if (size !== stored.size) {
      await this.discard(written);
      throw new Error(`MinIO holds ${size} bytes at ${key} where ${stored.size} were sent`);
    }
    return { ...written, contentType: detected.contentType, originalName: storable(originalName), fileName: safeBaseName(originalName, `evidence.${detected.kind}`) };
  }

  /** Removes a stored version that will not be recorded; if MinIO is gone too, `evidence:check` finds it later. */
  async discard(stored: Pick<StoredFile, 'key' | 'versionId'>): Promise<void> {
    // Without a version id a removal would only hide the key behind a delete marker (and hide a replaced file's older version).
    if (!stored.versionId) return this.logger.warn({ key: stored.key }, 'unversioned upload left for evidence:check');
    await this.storage.remove('evidence', stored.key, stored.versionId).catch((error: unknown) => {
      this.logger.warn({ key: stored.key, versionId: stored.versionId, err: error }, 'could not remove an unrecorded upload; evidence:check will');
    });
  }
}

function nameOf(header: string | undefined): string {
  try {
    return fileNameFromHeader(header);
  } catch (error) {
    if (error instanceof FileNameError) throw new EvidenceFileNameError(error.problem);
    throw error;
  }
}

/** PostgreSQL text cannot hold NUL: it is kept visible as ␀ (U+2400), everything else exactly as sent. */
function storable(originalName: string): string {
  return originalName.replace(/\u0000/g, '\u2400');
}
