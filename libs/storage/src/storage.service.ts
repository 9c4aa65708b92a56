import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import * as Minio from 'minio';
import { APP_CONFIG, type SharedConfig } from '@kasian/config';
import { type PartSink, uploadInParts } from './part-upload';
import { putToPresignedUrl } from './presigned-put';
import { BucketWithoutObjectLockError, isStorageUnavailable, StorageUnavailableError } from './storage.errors';

export type StorageConfig = Pick<
  SharedConfig,
  'MINIO_ENDPOINT' | 'MINIO_ACCESS_KEY' | 'MINIO_SECRET_KEY' | 'MINIO_REGION' | 'STORAGE_BUCKET_EVIDENCE' | 'STORAGE_BUCKET_LOCKED' | 'STORAGE_BUCKET_CHECKPOINTS'
>;

export interface StoredObject {
  bucket: string;
  key: string;
  size: number;
  /** Lower-case hex SHA-256 of the bytes, computed while they streamed through. */
  sha256: string;
  etag: string;
  versionId: string | null;
}

/**
 * Bucket roles, all versioned with object locking: evidence holds uploaded files and cached PDFs
 * (legal hold on approval, ADR 0012), locked what is immutable from the start, checkpoints the
 * signed audit checkpoints under COMPLIANCE retention (ADR 0014).
 */
export type BucketRole = 'evidence' | 'locked' | 'checkpoints';

/** One stored version of an object (or a delete marker), from a listing of all versions. */
export interface ObjectVersion {
  key: string;
  versionId: string;
  isLatest: boolean;
  isDeleteMarker: boolean;
}

/** The only door to MinIO. Creates its buckets on start if they are missing. */
@Injectable()
export class StorageService implements OnModuleInit {
  private readonly logger = new Logger(StorageService.name);
  private readonly client: Minio.Client;
  private readonly buckets: Record<BucketRole, string>;

  constructor(@Inject(APP_CONFIG) private readonly config: StorageConfig) {
    const endpoint = new URL(config.MINIO_ENDPOINT);
    const useSSL = endpoint.protocol === 'https:';
    this.client = new Minio.Client({
      endPoint: endpoint.hostname,
      port: Number(endpoint.port || (useSSL ? 443 : 80)),
      useSSL,
      accessKey: config.MINIO_ACCESS_KEY,
      secretKey: config.MINIO_SECRET_KEY,
      region: config.MINIO_REGION,
    });
    this.buckets = { evidence: config.STORAGE_BUCKET_EVIDENCE, locked: config.STORAGE_BUCKET_LOCKED, checkpoints: config.STORAGE_BUCKET_CHECKPOINTS };
  }

  async onModuleInit(): Promise<void> {
    await this.ensureBuckets();
  }

  bucket(role: BucketRole): string {
    return this.buckets[role];
  }

  /**
   * Idempotent: creates each bucket if it does not exist, all with object locking (which in MinIO
   * implies versioning): `evidence` so that approved evidence can be put under legal hold (ADR 0012).
   * An existing evidence bucket without object locking stops the start with a message naming it.
   */
  async ensureBuckets(): Promise<void> {
    for (const role of ['evidence', 'locked', 'checkpoints'] as const) {
      const name = this.buckets[role];
      if (await this.client.bucketExists(name)) continue;
      await this.client.makeBucket(name, this.config.MINIO_REGION, { ObjectLocking: true });
      this.logger.log(`created bucket ${name} (${role}, versioned, object locking)`);
    }
    if (!(await this.objectLockEnabled('evidence'))) throw new BucketWithoutObjectLockError(this.buckets.evidence, 'STORAGE_BUCKET_EVIDENCE');
  }

  async versioningEnabled(role: BucketRole): Promise<boolean> {
    const state = (await this.client.getBucketVersioning(this.buckets[role])) as { Status?: string } | string;
    return (typeof state === 'string' ? state : state?.Status) === 'Enabled';
  }

  async objectLockEnabled(role: BucketRole): Promise<boolean> {
    try {
      const lock = (await this.client.getObjectLockConfig(this.buckets[role])) as unknown as { objectLockEnabled?: string } | undefined;
      return lock?.objectLockEnabled === 'Enabled';
    } catch (error) {
      if ((error as { code?: string }).code === 'ObjectLockConfigurationNotFoundError') return false;
      throw error;
    }
  }

  /** Readiness: the endpoint answers and our credentials can see the evidence bucket. */
  async ping(): Promise<void> {
    if (!(await this.client.bucketExists(this.buckets.evidence))) throw new Error(`bucket ${this.buckets.evidence} is missing`);
  }

  /** Stores `body` (a stream or a buffer) with `putStream`: hashed, in bounded parts. */
  async put(role: BucketRole, key: string, body: Readable | Buffer, contentType = 'application/octet-stream'): Promise<StoredObject> {
    return this.putStream(role, key, Buffer.isBuffer(body) ? Readable.from([body]) : body, { contentType });
  }

  /**
   * Streams `source` into MinIO as a multipart upload of fixed-size parts (one request when it is
   * smaller than a part), hashing it on the way; memory stays at two parts whatever the size.
   * `inspect` sees the first part before anything is sent and may refuse it (and may name the
   * content type). On any failure nothing is left: the multipart upload is aborted. MinIO being
   * down or failing surfaces as StorageUnavailableError.
   */
  async putStream(role: BucketRole, key: string, source: AsyncIterable<Buffer>, options: PutStreamOptions = {}): Promise<StoredObject> {
    const bucket = this.buckets[role];
    const headers = { 'Content-Type': options.contentType ?? 'application/octet-stream' };
    const sink = new MinioMultipart(this.client, bucket, key, headers, options.journal);
    try {
      const { size, sha256 } = await uploadInParts(source, sink, {
        maxBytes: options.maxBytes,
        partSize: options.partSize,
        inspect: async (head) => {
          const contentType = await options.inspect?.(head);
          if (contentType) headers['Content-Type'] = contentType;
        },
      });
      const stored = sink.stored();
      return { bucket, key, size, sha256, etag: stored.etag, versionId: stored.versionId ?? null };
    } catch (error) {
      throw this.unavailableAs(error, `put ${key}`);
    }
  }

  async get(role: BucketRole, key: string, versionId?: string): Promise<Readable> {
    try {
      return await this.client.getObject(this.buckets[role], key, versionId ? { versionId } : undefined);
    } catch (error) {
      throw this.unavailableAs(error, `get ${key}`);
    }
  }

  /** SHA-256 of an object's current bytes, read back from MinIO. */
  async digest(role: BucketRole, key: string, versionId?: string): Promise<string> {
    const hash = createHash('sha256');
    for await (const chunk of await this.get(role, key, versionId)) hash.update(chunk as Buffer);
    return hash.digest('hex');
  }

  async stat(role: BucketRole, key: string, versionId?: string) {
    try {
      return await this.client.statObject(this.buckets[role], key, versionId ? { versionId } : {});
    } catch (error) {
      throw this.unavailableAs(error, `stat ${key}`);
    }
  }

  /** Whether `key` has a current object (a delete marker or nothing at all: false), or that version when `versionId` is given. */
  async exists(role: BucketRole, key: string, versionId?: string): Promise<boolean> {
    try {
      await this.client.statObject(this.buckets[role], key, versionId ? { versionId } : {});
      return true;
    } catch (error) {
      if (isNotFound(error)) return false;
      throw this.unavailableAs(error, `stat ${key}`);
    }
  }

  /** Removes one version for good (with `versionId`), or puts a delete marker on the key (without). */
  async remove(role: BucketRole, key: string, versionId?: string): Promise<void> {
    await this.client.removeObject(this.buckets[role], key, versionId ? { versionId } : {});
  }

  /** Legal hold on one object version: while ON, MinIO refuses to delete that version (object lock). */
  async setLegalHold(role: BucketRole, key: string, versionId: string | null, on: boolean): Promise<void> {
    try {
      await this.client.setObjectLegalHold(this.buckets[role], key, { ...(versionId ? { versionId } : {}), status: on ? 'ON' : 'OFF' });
    } catch (error) {
      throw this.unavailableAs(error, `legal hold ${key}`);
    }
  }

  async legalHold(role: BucketRole, key: string, versionId: string | null): Promise<boolean> {
    const status = (await this.client.getObjectLegalHold(this.buckets[role], key, versionId ? { versionId } : undefined)) as unknown;
    return status === 'ON' || (status as { Status?: string } | null)?.Status === 'ON';
  }

  /** A GET URL for one object version valid for `seconds`, with the response headers MinIO must send. */
  async presignedGet(role: BucketRole, key: string, versionId: string | null, seconds: number, responseHeaders: Record<string, string>): Promise<string> {
    try {
      return await this.client.presignedGetObject(this.buckets[role], key, seconds, { ...responseHeaders, ...(versionId ? { versionId } : {}) });
    } catch (error) {
      throw this.unavailableAs(error, `presign ${key}`);
    }
  }

  /** Current objects under a prefix (delete markers and older versions are not listed). */
  async *list(role: BucketRole, prefix: string): AsyncGenerator<ListedObject> {
    for await (const item of this.client.listObjectsV2(this.buckets[role], prefix, true)) {
      const { name, size, lastModified } = item as { name?: string; size: number; lastModified: Date };
      if (name) yield { key: name, size, lastModified };
    }
  }

  /** Every version and delete marker of one key. */
  async versionsOf(role: BucketRole, key: string): Promise<{ versionId: string; isDeleteMarker: boolean }[]> {
    const found: { versionId: string; isDeleteMarker: boolean }[] = [];
    for await (const item of this.client.listObjects(this.buckets[role], key, false, { IncludeVersion: true })) {
      const { name, versionId, isDeleteMarker } = item as { name?: string; versionId?: string; isDeleteMarker?: boolean };
      if (name === key && versionId) found.push({ versionId, isDeleteMarker: !!isDeleteMarker });
    }
    return found;
  }

  /** Removes every version of a key for good (refused by MinIO for a version under legal hold). */
  async purge(role: BucketRole, key: string): Promise<number> {
    const versions = await this.versionsOf(role, key);
    for (const { versionId } of versions) await this.remove(role, key, versionId);
    return versions.length;
  }

  /** Multipart uploads under a prefix that were started and never completed nor aborted. */
  async incompleteUploads(role: BucketRole, prefix: string): Promise<IncompleteUpload[]> {
    const found: IncompleteUpload[] = [];
    for await (const item of this.client.listIncompleteUploads(this.buckets[role], prefix, true)) {
      const { key, uploadId, initiated } = item as unknown as IncompleteUpload;
      if (key && uploadId) found.push({ key, uploadId, initiated: new Date(initiated) });
    }
    return found;
  }

  /** Aborts a multipart upload; one already completed or aborted counts as done. */
  async abortUpload(role: BucketRole, upload: Pick<IncompleteUpload, 'key' | 'uploadId'>): Promise<void> {
    try {
      await this.client.abortMultipartUpload(this.buckets[role], upload.key, upload.uploadId);
    } catch (error) {
      if ((error as { code?: string }).code === 'NoSuchUpload') return;
      throw this.unavailableAs(error, `abort upload of ${upload.key}`);
    }
  }

  /**
   * Every new object version in the bucket is locked in COMPLIANCE mode for `days` from its creation:
   * nobody, not even the root user, can delete or overwrite that version before then. MinIO applies
   * the bucket's default at write time, so no version is ever stored unlocked.
   */
  async requireComplianceRetention(role: BucketRole, days: number): Promise<void> {
    const current = (await this.client.getObjectLockConfig(this.buckets[role])) as unknown as { mode?: string; unit?: string; validity?: number };
    if (current.mode === 'COMPLIANCE' && current.unit === 'Days' && current.validity === days) return;
    await this.client.setObjectLockConfig(this.buckets[role], { mode: Minio.RETENTION_MODES.COMPLIANCE, unit: Minio.RETENTION_VALIDITY_UNITS.DAYS, validity: days });
  }

  async retention(role: BucketRole, key: string, versionId: string): Promise<{ mode?: string; retainUntilDate?: string }> {
    return (await this.client.getObjectRetention(this.buckets[role], key, { versionId })) as { mode?: string; retainUntilDate?: string };
  }

  /**
   * All versions under a prefix, current and not, delete markers included (what a retention-locked
   * bucket still holds), in key order; with `startAfter`, only keys after that one.
   */
  async versions(role: BucketRole, prefix: string, startAfter = ''): Promise<ObjectVersion[]> {
    const found: ObjectVersion[] = [];
    // minio-js puts the markers into the query string unescaped (and signs them so): escape them here.
    let marker = { keyMarker: encodeURIComponent(startAfter), versionIdMarker: '' };
    for (;;) {
      const page = await this.client.listObjectsQuery(this.buckets[role], prefix, '', { Delimiter: '', MaxKeys: 1000, IncludeVersion: true, ...marker });
      for (const item of (page.objects ?? []) as { name: string; versionId?: string; isLatest?: boolean; isDeleteMarker?: boolean }[]) {
        found.push({ key: item.name, versionId: item.versionId ?? 'null', isLatest: !!item.isLatest, isDeleteMarker: !!item.isDeleteMarker });
      }
      if (!page.isTruncated) return found;
      marker = { keyMarker: encodeURIComponent(page.keyMarker ?? ''), versionIdMarker: encodeURIComponent(page.versionIdMarker ?? '') };
    }
  }

  /** A small object whole, e.g. a signed checkpoint. */
  async read(role: BucketRole, key: string, versionId?: string): Promise<Buffer> {
    const chunks: Buffer[] = [];
    for await (const chunk of await this.get(role, key, versionId)) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  }

  private unavailableAs(error: unknown, operation: string): unknown {
    return isStorageUnavailable(error) ? new StorageUnavailableError(operation, error) : error;
  }
}

export interface PutStreamOptions {
  contentType?: string;
  maxBytes?: number;
  partSize?: number;
  /** Sees the first part before anything is stored; throws to refuse, may return the content type. */
  inspect?(head: Buffer): Promise<string | void> | string | void;
  /** Told of the multipart upload's life, so an upload MinIO could not be told to abort can be found again. */
  journal?: MultipartJournal;
}

/**
 * `started` runs once MinIO has named the upload and before its first part is sent; `settled` once
 * it is completed or aborted; `leftBehind` when aborting it failed (MinIO unreachable). A failure
 * of `started` fails the upload (and aborts it); failures of the other two are the journal's own.
 */
export interface MultipartJournal {
  started(uploadId: string): Promise<void>;
  settled(uploadId: string): Promise<void>;
  leftBehind(uploadId: string): Promise<void>;
}

export interface ListedObject {
  key: string;
  size: number;
  lastModified: Date;
}

export interface IncompleteUpload {
  key: string;
  uploadId: string;
  initiated: Date;
}

/** A part's presigned URL is used at once; the margin covers a slow client. */
const PART_URL_SECONDS = 15 * 60;

/**
 * One object's multipart upload, started with its first part so a refused upload never touches
 * MinIO. Parts go to presigned part URLs (see putToPresignedUrl): one SHA-256 pass over the bytes.
 */
class MinioMultipart implements PartSink {
  private uploadId: string | null = null;
  private readonly etags: { part: number; etag: string }[] = [];
  private result: { etag: string; versionId: string | null } | null = null;

  constructor(
    private readonly client: Minio.Client,
    private readonly bucket: string,
    private readonly key: string,
    private readonly headers: Record<string, string>,
    private readonly journal?: MultipartJournal,
  ) {}

  async uploadPart(partNumber: number, part: Buffer): Promise<void> {
    if (!this.uploadId) {
      this.uploadId = await this.client.initiateNewMultipartUpload(this.bucket, this.key, { ...this.headers });
      await this.journal?.started(this.uploadId);
    }
    const url = await this.client.presignedUrl('PUT', this.bucket, this.key, PART_URL_SECONDS, { uploadId: this.uploadId, partNumber: String(partNumber) });
    this.etags.push({ part: partNumber, etag: await putToPresignedUrl(url, part) });
  }

  async putWhole(part: Buffer): Promise<void> {
    const info = await this.client.putObject(this.bucket, this.key, part, part.length, { ...this.headers });
    this.result = { etag: info.etag, versionId: info.versionId ?? null };
  }

  async complete(): Promise<void> {
    const info = await this.client.completeMultipartUpload(this.bucket, this.key, this.uploadId!, this.etags);
    this.result = { etag: info.etag, versionId: info.versionId ?? null };
    await this.journal?.settled(this.uploadId!);
  }

  async abandon(): Promise<void> {
    if (!this.uploadId || this.result) return;
    const uploadId = this.uploadId;
    const aborted = await this.client.abortMultipartUpload(this.bucket, this.key, uploadId).then(
      () => true,
      () => false,
    );
    await (aborted ? this.journal?.settled(uploadId) : this.journal?.leftBehind(uploadId));
  }

  stored(): { etag: string; versionId: string | null } {
    if (!this.result) throw new Error(`the upload of ${this.key} did not complete`);
    return this.result;
  }
}

function isNotFound(error: unknown): boolean {
  const code = (error as { code?: string }).code;
  return code === 'NotFound' || code === 'NoSuchKey' || code === 'NoSuchVersion';
}
