import { createHash } from 'node:crypto';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import * as Minio from 'minio';
import { APP_CONFIG, type SharedConfig } from '@kasian/config';

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
 * Bucket roles: evidence is versioned; locked and checkpoints are created with object locking, for
 * what must become immutable (checkpoints: the signed audit checkpoints, ADR 0014).
 */
export type BucketRole = 'evidence' | 'locked' | 'checkpoints';

const LOCKED_ROLES: readonly BucketRole[] = ['locked', 'checkpoints'];

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

  /** Idempotent: creates each bucket with versioning (and object locking for `locked` and `checkpoints`) if it does not exist. */
  async ensureBuckets(): Promise<void> {
    for (const role of ['evidence', 'locked', 'checkpoints'] as const) {
      const name = this.buckets[role];
      if (await this.client.bucketExists(name)) continue;
      await this.client.makeBucket(name, this.config.MINIO_REGION, { ObjectLocking: LOCKED_ROLES.includes(role) });
      if (role === 'evidence') await this.client.setBucketVersioning(name, { Status: 'Enabled' });
      this.logger.log(`created bucket ${name} (${role})`);
    }
  }

  async versioningEnabled(role: BucketRole): Promise<boolean> {
    const state = (await this.client.getBucketVersioning(this.buckets[role])) as { Status?: string } | string;
    return (typeof state === 'string' ? state : state?.Status) === 'Enabled';
  }

  async objectLockEnabled(role: BucketRole): Promise<boolean> {
    const lock = (await this.client.getObjectLockConfig(this.buckets[role])) as unknown as { objectLockEnabled?: string } | undefined;
    return lock?.objectLockEnabled === 'Enabled';
  }

  /** Readiness: the endpoint answers and our credentials can see the evidence bucket. */
  async ping(): Promise<void> {
    if (!(await this.client.bucketExists(this.buckets.evidence))) throw new Error(`bucket ${this.buckets.evidence} is missing`);
  }

  /**
   * Streams `body` into MinIO (multipart for large bodies) while hashing it,
   * so the file is never held whole in memory.
   */
  async put(role: BucketRole, key: string, body: Readable | Buffer, contentType = 'application/octet-stream'): Promise<StoredObject> {
    const bucket = this.buckets[role];
    const hash = createHash('sha256');
    let size = 0;
    const hashing = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        hash.update(chunk);
        size += chunk.length;
        done(null, chunk);
      },
    });
    const source = Buffer.isBuffer(body) ? Readable.from([body]) : body;
    const [, info] = await Promise.all([
      pipeline(source, hashing),
      this.client.putObject(bucket, key, hashing, undefined, { 'Content-Type': contentType }),
    ]);
    return { bucket, key, size, sha256: hash.digest('hex'), etag: info.etag, versionId: info.versionId ?? null };
  }

  async get(role: BucketRole, key: string, versionId?: string): Promise<Readable> {
    return this.client.getObject(this.buckets[role], key, versionId ? { versionId } : undefined);
  }

  /** SHA-256 of an object's current bytes, read back from MinIO. */
  async digest(role: BucketRole, key: string, versionId?: string): Promise<string> {
    const hash = createHash('sha256');
    for await (const chunk of await this.get(role, key, versionId)) hash.update(chunk as Buffer);
    return hash.digest('hex');
  }

  async stat(role: BucketRole, key: string, versionId?: string) {
    return this.client.statObject(this.buckets[role], key, versionId ? { versionId } : {});
  }

  /** Whether `key` has a current object (a delete marker or nothing at all: false). */
  async exists(role: BucketRole, key: string): Promise<boolean> {
    try {
      await this.client.statObject(this.buckets[role], key);
      return true;
    } catch (error) {
      if (isNotFound(error)) return false;
      throw error;
    }
  }

  async remove(role: BucketRole, key: string, versionId?: string): Promise<void> {
    await this.client.removeObject(this.buckets[role], key, versionId ? { versionId } : {});
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
}

function isNotFound(error: unknown): boolean {
  const code = (error as { code?: string }).code;
  return code === 'NotFound' || code === 'NoSuchKey';
}
