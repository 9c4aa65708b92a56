// Evidence upload throughput through the API (client → Fastify → MinIO multipart, hashed and type-checked
// on the way) as a ratio to a plain `minio` client putObject of the same file to the same MinIO, in the
// same run. Usage: npm run bench:upload [-- --mib 1024 --rounds 3]
// Needs the local services: eval "$(bash scripts/services.sh env)".
import { spawnSync } from 'node:child_process';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { once } from 'node:events';
import * as Minio from 'minio';
import pg from 'pg';
import { passwordGrant } from '@kasian/auth';
import { DEMO_PASSWORD } from '../apps/api/src/demo/patueng';
import { spawnApi } from './support/api-process';
import { freshBenchDatabase, option, plainPgUrl, requireEnv } from './support/bench-env';
import { cpuSnapshot } from './support/cpu';
import { median } from './support/stats';
import { upload } from './support/upload-client';

const MiB = 1024 * 1024;
const DATABASE = 'kasian_bench_upload';
const BUCKET = process.env.STORAGE_BUCKET_EVIDENCE ?? 'kasian-evidence-v2';

interface Run {
  case: 'minio putObject' | 'API upload';
  round: number;
  seconds: number;
  mibPerSecond: number;
  apiCpuSeconds: number | null;
}

const round = (value: number, digits = 2) => Number(value.toFixed(digits));

/** A PDF-looking file of `mib` MiB of random bytes on local disk, read by both sides. */
async function benchFile(dir: string, mib: number): Promise<{ path: string; size: number; sha256: string }> {
  const path = join(dir, 'evidence.pdf');
  const out = createWriteStream(path);
  const hash = createHash('sha256');
  for (let i = 0; i < mib; i++) {
    const chunk = randomBytes(MiB);
    if (i === 0) chunk.write('%PDF-1.7\n', 0, 'latin1');
    hash.update(chunk);
    if (!out.write(chunk)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return { path, size: mib * MiB, sha256: hash.digest('hex') };
}

function minioClient(): Minio.Client {
  const endpoint = new URL(requireEnv('MINIO_ENDPOINT'));
  return new Minio.Client({
    endPoint: endpoint.hostname,
    port: Number(endpoint.port),
    useSSL: endpoint.protocol === 'https:',
    accessKey: requireEnv('MINIO_ACCESS_KEY'),
    secretKey: requireEnv('MINIO_SECRET_KEY'),
  });
}

async function main(): Promise<void> {
  const mib = option('mib', 1024);
  const rounds = option('rounds', 3);
  const dir = mkdtempSync(join(tmpdir(), 'kasian-bench-upload-'));
  const url = await freshBenchDatabase(DATABASE);
  const seeded = spawnSync(process.execPath, ['dist/apps/api/src/cli/seed-demo.js'], { env: { ...process.env, DATABASE_URL: url }, encoding: 'utf8' });
  if (seeded.status !== 0) throw new Error(`seeding ${DATABASE} failed:\n${seeded.stderr}`);
  const api = await spawnApi({ DATABASE_URL: url, LOG_LEVEL: 'warn', EVIDENCE_MAX_FILE_MB: String(mib + 16), QUEUE_PREFIX: 'bench-upload' });
  const client = minioClient();
  const db = new pg.Pool({ connectionString: plainPgUrl(url), max: 1 });
  const runs: Run[] = [];
  try {
    const file = await benchFile(dir, mib);
    const { accessToken } = await passwordGrant({ issuer: requireEnv('OIDC_ISSUER'), clientId: requireEnv('OIDC_CLIENT_ID'), clientSecret: requireEnv('OIDC_CLIENT_SECRET'), username: 'drafter', password: DEMO_PASSWORD });
    for (let r = 1; r <= rounds; r++) {
      // Alternate the order so neither side always runs on a warmer page cache.
      const order = r % 2 ? (['minio', 'api'] as const) : (['api', 'minio'] as const);
      for (const side of order) runs.push(side === 'minio' ? await viaMinio(client, file, r) : await viaApi(api.url, api.pid, accessToken, file, r, db));
    }
    report(runs, mib, file.sha256);
  } finally {
    await db.end();
    await api.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function viaMinio(client: Minio.Client, file: { path: string; size: number }, roundNo: number): Promise<Run> {
  const key = `bench/${randomUUID()}.pdf`;
  const started = performance.now();
  const info = await client.putObject(BUCKET, key, createReadStream(file.path, { highWaterMark: MiB }), file.size, { 'Content-Type': 'application/pdf' });
  const seconds = (performance.now() - started) / 1000;
  await client.removeObject(BUCKET, key, { versionId: info.versionId ?? undefined });
  return { case: 'minio putObject', round: roundNo, seconds: round(seconds), mibPerSecond: round(file.size / MiB / seconds, 1), apiCpuSeconds: null };
}

async function viaApi(apiUrl: string, pid: number, token: string, file: { path: string; size: number; sha256: string }, roundNo: number, db: pg.Pool): Promise<Run> {
  const cpuBefore = cpuSnapshot(pid).api;
  const started = performance.now();
  const answer = await upload(`${apiUrl}/evidence`, createReadStream(file.path, { highWaterMark: MiB }), { token, fileName: `ไฟล์ทดสอบ ${roundNo}.pdf`, contentLength: file.size });
  const seconds = (performance.now() - started) / 1000;
  if (answer.status !== 201 || answer.body.sha256 !== file.sha256) throw new Error(`the API upload failed: ${answer.status} ${JSON.stringify(answer.body)}`);
  const [stored] = (await db.query(`SELECT object_key, object_version_id FROM evidence_files WHERE id = $1`, [answer.body.id])).rows;
  await minioClient().removeObject(BUCKET, stored.object_key, { versionId: stored.object_version_id });
  return { case: 'API upload', round: roundNo, seconds: round(seconds), mibPerSecond: round(file.size / MiB / seconds, 1), apiCpuSeconds: round(cpuSnapshot(pid).api - cpuBefore) };
}

function report(runs: Run[], mib: number, sha256: string): void {
  const baseline = median(runs.filter((r) => r.case === 'minio putObject').map((r) => r.mibPerSecond));
  const api = median(runs.filter((r) => r.case === 'API upload').map((r) => r.mibPerSecond));
  const ratio = round(api / baseline);
  console.log(`\nbench:upload — ${mib} MiB file, ${runs.length / 2} rounds, same MinIO, same file (sha256 ${sha256.slice(0, 16)}…)\n`);
  console.log('| case | round | seconds | MiB/s | API CPU s |');
  console.log('|---|---|---|---|---|');
  for (const r of runs) console.log(`| ${r.case} | ${r.round} | ${r.seconds} | ${r.mibPerSecond} | ${r.apiCpuSeconds ?? '—'} |`);
  console.log(`\nmedian MiB/s: minio putObject ${baseline}, API upload ${api}; API ÷ putObject = ${ratio} (target ≥ 0.8: ${ratio >= 0.8 ? 'met' : 'NOT met'})`);
  mkdirSync('bench/results', { recursive: true });
  writeFileSync('bench/results/upload.json', `${JSON.stringify({ at: new Date().toISOString(), mib, runs, medianMibPerSecond: { minioPutObject: baseline, apiUpload: api }, ratio, target: 0.8 }, null, 2)}\n`);
  console.log('written bench/results/upload.json');
}

await main();
