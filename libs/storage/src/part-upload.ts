import { createHash } from 'node:crypto';
import { SourceInterruptedError, StreamTooLargeError } from './storage.errors';

/** 16 MiB: above S3's 5 MiB minimum part and large enough that MinIO's per-part work does not dominate; two of them are all the memory one upload holds. */
export const PART_SIZE = 16 * 1024 * 1024;

/** Where the parts go: MinIO's multipart upload in production, a fake in unit tests. */
export interface PartSink {
  /** Stores part `partNumber` (1, 2, …); the buffer is reused once the returned promise settles. */
  uploadPart(partNumber: number, part: Buffer): Promise<void>;
  /** The object is one part only (smaller than a part): store it in one request instead. */
  putWhole(part: Buffer): Promise<void>;
  /** Every part is stored: assemble the object. */
  complete(): Promise<void>;
  /** Something failed: remove whatever was stored (best effort, never throws). */
  abandon(): Promise<void>;
}

export interface PartUploadOptions {
  partSize?: number;
  /** The upload fails with StreamTooLargeError as soon as the source exceeds this many bytes. */
  maxBytes?: number;
  /**
   * Sees the first part (the first `partSize` bytes, or the whole source if shorter) before the
   * sink receives anything; throwing refuses the upload with nothing stored.
   */
  inspect?(head: Buffer): Promise<void> | void;
}

export interface PartUploadResult {
  size: number;
  /** Lower-case hex SHA-256 of every byte, computed as they streamed through. */
  sha256: string;
}

/**
 * Streams `source` into `sink` in fixed-size parts, hashing every byte on the way. At most two
 * part buffers exist: one being stored while the next fills, so reading from the client and
 * writing to MinIO overlap and memory stays flat whatever the file size. Any failure abandons
 * the sink before the error is rethrown.
 */
export async function uploadInParts(source: AsyncIterable<Buffer>, sink: PartSink, options: PartUploadOptions = {}): Promise<PartUploadResult> {
  const partSize = options.partSize ?? PART_SIZE;
  const maxBytes = options.maxBytes ?? Number.POSITIVE_INFINITY;
  const buffers = [Buffer.allocUnsafe(partSize), Buffer.allocUnsafe(partSize)];
  const hash = createHash('sha256');
  let current = 0;
  let filled = 0;
  let size = 0;
  let parts = 0;
  let whole = false;
  let storing: Promise<void> = Promise.resolve();

  const flush = async (last: boolean) => {
    const part = buffers[current].subarray(0, filled);
    parts += 1;
    if (parts === 1) await options.inspect?.(part);
    await storing;
    whole = last && parts === 1;
    storing = whole ? sink.putWhole(part) : sink.uploadPart(parts, part);
    storing.catch(() => undefined); // observed at the next flush or at the end
    current = 1 - current;
    filled = 0;
  };

  try {
    for await (const chunk of interruptible(source, () => size)) {
      size += chunk.length;
      if (size > maxBytes) throw new StreamTooLargeError(maxBytes);
      hash.update(chunk);
      for (let offset = 0; offset < chunk.length; ) {
        const taken = Math.min(partSize - filled, chunk.length - offset);
        chunk.copy(buffers[current], filled, offset, offset + taken);
        filled += taken;
        offset += taken;
        if (filled === partSize) await flush(false);
      }
    }
    if (filled > 0 || parts === 0) await flush(true);
    await storing;
    if (!whole) await sink.complete();
    return { size, sha256: hash.digest('hex') };
  } catch (error) {
    await storing.catch(() => undefined);
    await sink.abandon();
    throw error;
  }
}

/** Errors of the source itself (a client gone mid-upload) are told apart from the sink's. */
async function* interruptible(source: AsyncIterable<Buffer>, received: () => number): AsyncGenerator<Buffer> {
  const iterator = source[Symbol.asyncIterator]();
  for (;;) {
    let next: IteratorResult<Buffer>;
    try {
      next = await iterator.next();
    } catch (error) {
      throw new SourceInterruptedError(received(), error);
    }
    if (next.done) return;
    yield next.value;
  }
}
