// Memo PDFs per second and render time: printed by Chromium (uncached) and found in MinIO by
// content hash and streamed (cached). Usage: npm run bench:pdf [-- --renders 40 --lookups 300]
// Needs the local services: eval "$(bash scripts/services.sh env)".
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import { loadConfig, workerConfigSchema } from '@kasian/config';
import { ChromiumPdfRenderer, imprintHash, loadLaksaman, renderMemoHtml, type OfficialFont } from '@kasian/documents';
import type { RenderPdfPayload } from '@kasian/jobs';
import { StorageService } from '@kasian/storage';
import { DocumentPdfs } from '../apps/worker/src/pdf/document-pdfs';
import { OfficialPrinter } from '../apps/worker/src/pdf/official-printer';
import { DRAFTED_MEMO_001, IMPRINT_001 } from '../libs/documents/src/__fixtures__/imprint-001';
import { MEMO_001 } from '../libs/documents/src/__fixtures__/memo-001';
import { ROUTE_001 } from '../libs/documents/src/__fixtures__/route-001';
import { cpuSnapshot, machineShares } from './support/cpu';
import { percentile } from './support/stats';

interface Row {
  case: string;
  concurrency: number;
  pdfs: number;
  seconds: number;
  pdfsPerSecond: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
  /** Share of the machine's CPU time during the case: busy (any process) and stolen by the hypervisor (ADR 0010). */
  machineBusyPercent: number;
  stealPercent: number;
}

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? Number(process.argv[index + 1]) : fallback;
}

const round = (value: number, digits = 1) => Number(value.toFixed(digits));

/** `count` runs of `work`, `concurrency` at a time; each run timed on its own. */
async function measure(name: string, count: number, concurrency: number, work: (i: number) => Promise<unknown>): Promise<Row> {
  const times: number[] = [];
  let next = 0;
  const lane = async () => {
    for (let i = next++; i < count; i = next++) {
      const started = performance.now();
      await work(i);
      times.push(performance.now() - started);
    }
  };
  const before = cpuSnapshot(null);
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, lane));
  const seconds = (performance.now() - started) / 1000;
  const shares = machineShares(before, cpuSnapshot(null));
  const sorted = times.sort((a, b) => a - b);
  return {
    case: name,
    concurrency,
    pdfs: count,
    seconds: round(seconds, 2),
    pdfsPerSecond: round(count / seconds, 2),
    p50Ms: round(percentile(sorted, 50)),
    p95Ms: round(percentile(sorted, 95)),
    maxMs: round(sorted.at(-1)!),
    ...shares,
  };
}

async function drain(stream: AsyncIterable<unknown>): Promise<number> {
  let bytes = 0;
  for await (const chunk of stream) bytes += (chunk as Buffer).length;
  return bytes;
}

async function uncachedRows(font: OfficialFont, renders: number): Promise<Row[]> {
  const renderer = await ChromiumPdfRenderer.launch();
  try {
    const print = () => renderer.print(renderMemoHtml(MEMO_001, { font, timeline: ROUTE_001 }));
    await measure('warm-up', 2, 1, print);
    const rows: Row[] = [];
    for (const concurrency of [1, 2, 4]) rows.push(await measure('uncached: renderer direct (HTML + print)', renders, concurrency, print));
    return rows;
  } finally {
    await renderer.close();
  }
}

/** A job for the 001 memo with its route imprint, under a fresh content hash (so a cache miss). */
function payloadFor(officeId: string): RenderPdfPayload {
  const contentHash = randomUUID().replace(/-/g, '');
  return { officeId, documentId: randomUUID(), versionId: randomUUID(), contentHash, kind: 'MEMO', imprint: IMPRINT_001, imprintHash: imprintHash(IMPRINT_001) };
}

/** The worker's path for a version never printed: cache miss, assemble, print, store in MinIO. */
async function workerMissRow(storage: StorageService, renders: number, officeId: string): Promise<Row> {
  const printer = new OfficialPrinter();
  const pdfs = new DocumentPdfs(storage, { content: async () => DRAFTED_MEMO_001 }, printer);
  const payload = () => payloadFor(officeId);
  try {
    await pdfs.render(payload());
    return await measure('uncached: worker (miss + print + put)', renders, 2, () => pdfs.render(payload()));
  } finally {
    await printer.close();
  }
}

async function cachedRows(storage: StorageService, lookups: number, officeId: string): Promise<Row[]> {
  const printer = new OfficialPrinter();
  const pdfs = new DocumentPdfs(storage, { content: async () => DRAFTED_MEMO_001 }, printer);
  const payload = payloadFor(officeId);
  await pdfs.render(payload);
  await printer.close();
  const open = async () => {
    const stream = await pdfs.open(payload);
    if (!stream || (await drain(stream)) === 0) throw new Error('the cached PDF was not found');
  };
  await measure('warm-up', 10, 1, open);
  const rows: Row[] = [];
  for (const concurrency of [1, 8]) rows.push(await measure('cached: MinIO lookup by key + stream', lookups, concurrency, open));
  return rows;
}

function printTable(rows: readonly Row[]): void {
  const header = ['case', 'conc', 'pdfs', 's', 'PDFs/s', 'p50 ms', 'p95 ms', 'max ms', 'busy %', 'steal %'];
  const cells = rows.map((r) => [r.case, r.concurrency, r.pdfs, r.seconds, r.pdfsPerSecond, r.p50Ms, r.p95Ms, r.maxMs, r.machineBusyPercent, r.stealPercent].map(String));
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c: string[]) => c.map((v, i) => (i === 0 ? v.padEnd(widths[i]) : v.padStart(widths[i]))).join('  ');
  console.log([line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(line)].join('\n'));
}

async function main(): Promise<void> {
  const renders = option('renders', 40);
  const lookups = option('lookups', 300);
  const storage = new StorageService(loadConfig(workerConfigSchema, process.env));
  await storage.ensureBuckets();
  const officeId = `bench-${randomUUID()}`;
  const font = await loadLaksaman();

  const rows = [...(await uncachedRows(font, renders)), await workerMissRow(storage, renders, officeId), ...(await cachedRows(storage, lookups, officeId))];
  printTable(rows);

  mkdirSync('bench/results', { recursive: true });
  const report = { benchmark: 'pdf', at: new Date().toISOString(), node: process.version, cpus: cpus().length, document: 'memo 001 with its four blocks and the route timeline appendix (3 pages)', settings: { renders, lookups, objectPrefix: `pdf/${officeId}/` }, rows };
  writeFileSync('bench/results/pdf.json', `${JSON.stringify(report, null, 2)}\n`);
  console.log('\nwritten to bench/results/pdf.json');
}

await main();
