import { createHash } from 'node:crypto';
import { jest } from '@jest/globals';
import { type PartSink, uploadInParts } from './part-upload';
import { SourceInterruptedError, StreamTooLargeError } from './storage.errors';

/** Records what a multipart upload would receive; copies each part since the uploader reuses its buffers. */
class FakeSink implements PartSink {
  parts: { partNumber: number; bytes: Buffer }[] = [];
  whole: Buffer | null = null;
  completed = false;
  abandoned = false;
  arrays = new Set<ArrayBufferLike>();
  constructor(private readonly failAt?: number) {}
  async uploadPart(partNumber: number, part: Buffer) {
    this.arrays.add(part.buffer);
    if (partNumber === this.failAt) throw Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
    await new Promise((resolve) => setTimeout(resolve, 1));
    this.parts.push({ partNumber, bytes: Buffer.from(part) });
  }
  async putWhole(part: Buffer) {
    this.whole = Buffer.from(part);
  }
  async complete() {
    this.completed = true;
  }
  async abandon() {
    this.abandoned = true;
  }
}

async function* chunks(bytes: Buffer, size: number) {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const bytesOf = (n: number) => Buffer.from(Array.from({ length: n }, (_, i) => (i * 31 + 7) % 251));

describe('uploadInParts', () => {
  it('cuts the stream into fixed parts in order, hashes every byte and completes', async () => {
    const bytes = bytesOf(25_000);
    const sink = new FakeSink();
    const result = await uploadInParts(chunks(bytes, 777), sink, { partSize: 10_000 });
    expect(result).toEqual({ size: 25_000, sha256: sha256(bytes) });
    expect(sink.parts.map((p) => [p.partNumber, p.bytes.length])).toEqual([[1, 10_000], [2, 10_000], [3, 5_000]]);
    expect(Buffer.concat(sink.parts.map((p) => p.bytes))).toEqual(bytes);
    expect(sink.completed).toBe(true);
  });

  it('holds at most two part buffers whatever the length', async () => {
    const sink = new FakeSink();
    await uploadInParts(chunks(bytesOf(95_000), 4096), sink, { partSize: 10_000 });
    expect(sink.parts).toHaveLength(10);
    expect(sink.arrays.size).toBeLessThanOrEqual(2);
  });

  it('sends a file smaller than a part in one request, and a file of exactly one part as a one-part upload', async () => {
    const small = new FakeSink();
    await uploadInParts(chunks(bytesOf(3_000), 1000), small, { partSize: 10_000 });
    expect(small.whole?.length).toBe(3_000);
    expect(small.completed).toBe(false);
    const exact = new FakeSink();
    await uploadInParts(chunks(bytesOf(10_000), 1000), exact, { partSize: 10_000 });
    expect(exact.parts.map((p) => p.bytes.length)).toEqual([10_000]);
    expect(exact.completed).toBe(true);
  });

  it('lets the inspector refuse the first part before the sink sees a byte', async () => {
    const sink = new FakeSink();
    const inspect = jest.fn((head: Buffer): void => {
      if (head.subarray(0, 4).toString() !== '%PDF') throw new Error('not a PDF');
    });
    await expect(uploadInParts(chunks(Buffer.alloc(30_000, 0x41), 1000), sink, { partSize: 10_000, inspect })).rejects.toThrow('not a PDF');
    expect(inspect).toHaveBeenCalledTimes(1);
    expect(inspect.mock.calls[0][0].length).toBe(10_000);
    expect(sink.parts).toEqual([]);
    expect(sink.abandoned).toBe(true);
  });

  it('stops as soon as the source exceeds the limit, abandoning what was stored', async () => {
    const sink = new FakeSink();
    await expect(uploadInParts(chunks(bytesOf(50_000), 1000), sink, { partSize: 10_000, maxBytes: 25_000 })).rejects.toBeInstanceOf(StreamTooLargeError);
    expect(sink.completed).toBe(false);
    expect(sink.abandoned).toBe(true);
    expect(sink.parts.length).toBeLessThanOrEqual(2);
  });

  it('tells a failing source (a client gone) from a failing sink, and abandons either way', async () => {
    async function* broken() {
      yield bytesOf(15_000);
      throw new Error('aborted');
    }
    const interrupted = new FakeSink();
    const error = await uploadInParts(broken(), interrupted, { partSize: 10_000 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SourceInterruptedError);
    expect((error as SourceInterruptedError).receivedBytes).toBe(15_000);
    expect(interrupted.abandoned).toBe(true);

    const failing = new FakeSink(2);
    await expect(uploadInParts(chunks(bytesOf(45_000), 1000), failing, { partSize: 10_000 })).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    expect(failing.abandoned).toBe(true);
    expect(failing.completed).toBe(false);
  });
});
