import { closeSync, existsSync, openSync, readSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { StretchSummary } from './trail-stretch';

/** What a stretch thread is given (trail-stretch.worker.ts). */
export interface StretchJob {
  file: string;
  /** Byte range [start, end), starting at a line start and ending after a line end (or at the end of the file). */
  start: number;
  end: number;
  /** Sequence numbers whose hashes the summary is to carry (the checkpoints'). */
  wanted: number[];
}

/** Compiled next to this module by `scripts/build.sh`; absent when the sources run untranspiled (Jest), where verification stays on one thread. */
const WORKER_FILE = fileURLToPath(new URL('./trail-stretch.worker.js', import.meta.url));

/** Threads for verifying one export: every core when the stretch worker is there, else one. */
export const defaultVerifyThreads = (): number => (existsSync(WORKER_FILE) ? availableParallelism() : 1);

const WINDOW = 64 * 1024;

/** Where the line that holds `from` ends (after its `\n`), or the file's size. */
function nextLineStart(fd: number, from: number, size: number): number {
  const window = Buffer.allocUnsafe(WINDOW);
  for (let at = from; at < size; at += WINDOW) {
    const read = readSync(fd, window, 0, WINDOW, at);
    const newline = window.subarray(0, read).indexOf(0x0a);
    if (newline >= 0) return at + newline + 1;
  }
  return size;
}

/** The trail file's first line (its header) and `count` byte ranges of about equal size covering the rest, each of whole lines. */
export function splitTrailFile(file: string, size: number, count: number): { header: Buffer; ranges: [number, number][] } {
  const fd = openSync(file, 'r');
  try {
    const bodyStart = nextLineStart(fd, 0, size);
    const header = Buffer.alloc(bodyStart);
    readSync(fd, header, 0, bodyStart, 0);
    const cuts = [bodyStart];
    for (let k = 1; k < count; k++) cuts.push(Math.max(cuts[k - 1], nextLineStart(fd, bodyStart + Math.floor(((size - bodyStart) * k) / count), size)));
    cuts.push(size);
    return { header, ranges: cuts.slice(0, -1).map((start, k) => [start, cuts[k + 1]]) };
  } finally {
    closeSync(fd);
  }
}

function runStretch(job: StretchJob): Promise<StretchSummary> {
  return new Promise((resolve, reject) => {
    // No inherited node flags: a parent started with `--input-type` or `-e` would make the worker refuse its file.
    const worker = new Worker(WORKER_FILE, { workerData: job, execArgv: [] });
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the stretch thread stopped (exit ${code}) before answering`)));
  });
}

/** Each range checked in itself on its own thread, in file order. */
export function checkStretches(file: string, ranges: [number, number][], wanted: number[]): Promise<StretchSummary[]> {
  return Promise.all(ranges.map(([start, end]) => runStretch({ file, start, end, wanted })));
}
