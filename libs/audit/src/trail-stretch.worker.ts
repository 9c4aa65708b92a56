import { createReadStream } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { checkStretch } from './trail-stretch';
import type { StretchJob } from './trail-stretches';
import { splitLines } from './trail-line';

const { file, start, end, wanted } = workerData as StretchJob;
const stream = createReadStream(file, { start, end: end - 1, highWaterMark: 1 << 20 });
parentPort!.postMessage(await checkStretch(splitLines(stream), new Set(wanted)));
