// The audit trail's two costs (issue 8, must-show 5; ADR 0014):
// 1. verification rate: 1,000,000 generated route events as exported JSON lines, parsed and verified
//    (hash chain and signed checkpoints) the way `npm run audit:verify -- --from-export` does;
// 2. auditing's share of decision throughput: the real API (child process, Keycloak tokens) with the
//    hash-chained audit append, and the same API with a no-op audit port (bench/support/unaudited-api.ts),
//    alternating in one run on the same database. See bench/README.md.
// Usage: npm run bench:audit [-- --part all|verification|overhead --events 1000000 --offices 10 --routes-per-office 30 --concurrency 16 --rounds 2 --pool 10]
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { createWriteStream, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { finished } from 'node:stream/promises';
import {
  ChainBuilder,
  CHECKPOINTS_FILE,
  ensureSigningKey,
  eventHeader,
  formatTrailHeader,
  formatTrailLine,
  PUBLIC_KEYS_FILE,
  PublicKeyRing,
  signCheckpoint,
  TRAIL_FILE,
  verifyExport,
} from '@kasian/audit';
import { canonicalJson } from '@kasian/canonical';
import { type ApiProcess, spawnApi, UNAUDITED_SWITCH } from './support/api-process';
import { freshBenchDatabase, option, requireEnv, textOption } from './support/bench-env';
import { type BenchStaff, createBenchStaff } from './support/bench-offices';
import { JsonClient } from './support/http-client';
import { type Figures, figuresOf } from './support/stats';
import { RouteDriver, routeTemplate } from './support/workload';

const settings = {
  events: option('events', 1_000_000),
  checkpointEvery: option('checkpoint-every', 10_000),
  database: textOption('database', 'kasian_bench_audit'),
  offices: option('offices', 10),
  routesPerOffice: option('routes-per-office', 30),
  concurrency: option('concurrency', 16),
  rounds: option('rounds', 2),
  pool: option('pool', 10),
  /** `verification`, `overhead` or `all`. */
  part: textOption('part', 'all'),
};
const TARGETS = { eventsPerSecond: 200_000, throughputRatio: 0.85 };
const UNAUDITED_ENTRY = new URL('./support/unaudited-api.js', import.meta.url);

function log(message: string): void {
  console.log(`[bench:audit] ${message}`);
}

/** A route.decided event as the API writes it: header and the whole workflow event as payload, with a Thai signature block. */
function generator(officeId: string) {
  const ids = Array.from({ length: 64 }, () => randomUUID());
  return (n: number) => {
    const id = (k: number) => ids[(n + k) % ids.length];
    const at = new Date(Date.UTC(2025, 9, 21, 2, 0, 0) + n * 250);
    const header = eventHeader({
      officeId,
      occurredAt: at,
      action: 'route.decided',
      actor: { subject: id(1), personId: id(2), positionId: id(3), onBehalfOfPositionId: id(3), orderRef: null },
      target: { type: 'document', id: id(4) },
      versionHash: 'a3'.repeat(32),
      requestId: id(5),
    });
    const payload = canonicalJson({
      type: 'DECIDED', instanceId: id(6), officeId, documentId: id(4), version: 3 + (n % 4), round: 1, at: at.toISOString(), stepIndex: n % 4,
      stepKey: `p${(n % 4) + 1}`, actorPersonId: id(2), actingPositionId: id(3), onBehalfOfPositionId: id(3), capacity: 'HOLDER', orderRef: null, grantId: null,
      word: 'เห็นชอบ', outcome: 'positive', comment: 'เห็นควรนำเรียนผู้บังคับบัญชาพิจารณา', reason: null, returnedTo: null,
      signature: { nameAsPrinted: '(นางสาวนภัทธิญา วิชระอภิเดชากุล)', rankLine: null, positionTitleAsPrinted: 'หัวหน้าสำนักปลัดองค์การบริหารส่วนตำบล', unitName: 'สำนักปลัด', dateTextBE: '๒๑ ตุลาคม ๒๕๖๘' },
      documentVersionId: id(7), documentHash: 'a3'.repeat(32), status: 'IN_ROUTE', currentStepKey: `p${(n % 4) + 2}`, skippedStepKeys: [],
    });
    return { header, payload };
  };
}

/**
 * An export directory of `events` events as `audit:export` writes one (trail.jsonl with its header,
 * checkpoints.jsonl with a signed checkpoint every `checkpointEvery` events, public-keys.pem).
 */
async function writeExport(dir: string): Promise<{ officeId: string; bytes: number; checkpoints: number }> {
  const officeId = randomUUID();
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const next = generator(officeId);
  const chain = new ChainBuilder();
  const checkpoints: string[] = [];
  const out = createWriteStream(join(dir, TRAIL_FILE));
  let bytes = 0;
  const write = async (text: string) => {
    bytes += Buffer.byteLength(text);
    if (!out.write(text)) await once(out, 'drain');
  };
  await write(`${formatTrailHeader({ officeId, officeCode: 'bench', documentId: null, fromSeq: 1, throughSeq: settings.events, exportedAt: new Date().toISOString() })}\n`);
  for (let n = 1; n <= settings.events; n++) {
    const { header, payload } = next(n);
    const line = chain.append(header, payload);
    if (n % settings.checkpointEvery === 0 || n === settings.events) {
      checkpoints.push(JSON.stringify(signCheckpoint({ v: 1, officeId, seq: n, hash: line.hash, time: new Date().toISOString() }, privateKey)));
    }
    await write(`${formatTrailLine(line)}\n`);
  }
  out.end();
  await finished(out);
  writeFileSync(join(dir, CHECKPOINTS_FILE), `${checkpoints.join('\n')}\n`);
  writeFileSync(join(dir, PUBLIC_KEYS_FILE), new PublicKeyRing([publicKey]).toPem());
  return { officeId, bytes, checkpoints: checkpoints.length };
}

/**
 * The verification rate of an exported trail, measured exactly as `npm run audit:verify --
 * --from-export` verifies it (`verifyExport`: the file streamed, its lines sliced, each payload
 * digest and chain link recomputed, every checkpoint's signature and hash checked). Writing the
 * export is not timed. Wall-clock rate, and the rate per CPU-second of this process (the machine
 * is shared: that is what one core to itself would do).
 */
async function verificationRate() {
  const dir = mkdtempSync(join(tmpdir(), 'kasian-bench-audit-'));
  try {
    const written = await writeExport(dir);
    const [wall, cpu] = [performance.now(), process.cpuUsage()];
    const { result, threads } = await verifyExport(dir);
    const used = process.cpuUsage(cpu);
    const seconds = (performance.now() - wall) / 1000;
    if (!result.ok || result.events !== settings.events || result.anchoredThrough !== settings.events) throw new Error(`the generated trail did not verify: ${JSON.stringify(result)}`);
    return {
      events: settings.events,
      threads,
      checkpoints: written.checkpoints,
      megabytes: Number((written.bytes / 1e6).toFixed(1)),
      seconds: Number(seconds.toFixed(2)),
      eventsPerSecond: Math.round(settings.events / seconds),
      eventsPerCpuSecond: Math.round(settings.events / ((used.user + used.system) / 1e6)),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

interface ThroughputPhase extends Figures {
  phase: string;
  audit: 'on' | 'off';
  round: number;
}

async function publishTemplates(client: JsonClient, staff: BenchStaff): Promise<void> {
  for (const office of staff.offices) {
    const reply = await client.post('/route-templates', staff.token(office.username('admin')), routeTemplate(office));
    if (reply.status !== 201) throw new Error(`POST /route-templates → ${reply.status} ${JSON.stringify(reply.body)}`);
  }
}

/** One saturated phase on a fresh API process: routes drafted and a warm-up untimed, then every route driven end to end. */
async function throughputPhase(databaseUrl: string, staff: BenchStaff, audit: 'on' | 'off', round: number, first: boolean): Promise<ThroughputPhase> {
  const env = { DATABASE_URL: databaseUrl, DATABASE_POOL_SIZE: String(settings.pool), QUEUE_PREFIX: 'kasian-bench-audit', LOG_LEVEL: 'warn' };
  const api: ApiProcess = await spawnApi(audit === 'on' ? env : { ...env, [UNAUDITED_SWITCH]: 'benchmark only' }, [], audit === 'on' ? undefined : UNAUDITED_ENTRY);
  const client = new JsonClient(api.url, Math.max(settings.concurrency, 64));
  try {
    await staff.refreshTokens();
    if (first) await publishTemplates(client, staff);
    const driver = new RouteDriver(client, staff);
    const warmup = await driver.createRoutes(staff.offices, 2, 8);
    const routes = await driver.createRoutes(staff.offices, settings.routesPerOffice, 8);
    await driver.saturate(warmup, settings.concurrency);
    const figures = figuresOf(await driver.saturate(routes, settings.concurrency));
    const phase = `API, audit ${audit}, round ${round}`;
    log(`${phase}: ${figures.decisionsPerSecond} decisions/s, p50 ${figures.p50Ms} ms, p99 ${figures.p99Ms} ms, errors ${figures.errors}`);
    return { phase, audit, round, ...figures };
  } finally {
    client.close();
    await api.stop();
  }
}

/** Rounds in the order on, off, off, on, … so drift on the shared machine falls on both sides alike. */
async function auditOverhead() {
  const databaseUrl = await freshBenchDatabase(settings.database);
  log(`${settings.offices} offices with real Keycloak users (untimed)`);
  const staff = await createBenchStaff(databaseUrl, settings.offices);
  const phases: ThroughputPhase[] = [];
  try {
    for (let round = 1; round <= settings.rounds; round++) {
      const order: ('on' | 'off')[] = round % 2 ? ['on', 'off'] : ['off', 'on'];
      for (const audit of order) phases.push(await throughputPhase(databaseUrl, staff, audit, round, phases.length === 0));
    }
  } finally {
    log('removing the Keycloak users of this run');
    await staff.dispose();
  }
  const mean = (audit: 'on' | 'off') => {
    const rates = phases.filter((p) => p.audit === audit).map((p) => p.decisionsPerSecond);
    return Number((rates.reduce((a, b) => a + b, 0) / rates.length).toFixed(1));
  };
  const [on, off] = [mean('on'), mean('off')];
  return { phases, decisionsPerSecondOn: on, decisionsPerSecondOff: off, ratioOnOverOff: Number((on / off).toFixed(3)) };
}

type Verification = Awaited<ReturnType<typeof verificationRate>>;
type Overhead = Awaited<ReturnType<typeof auditOverhead>>;

function report(verification: Verification | null, overhead: Overhead | null) {
  const targets: Record<string, { value: number; met: boolean }> = {};
  if (verification) {
    console.table([verification].map((v) => ({ measure: 'verification of an exported trail (split, parse, chain, checkpoints)', threads: v.threads, events: v.events, MB: v.megabytes, seconds: v.seconds, 'events/s': v.eventsPerSecond, 'events/CPU-s': v.eventsPerCpuSecond })));
    targets[`≥ ${TARGETS.eventsPerSecond.toLocaleString('en')} events/s verified`] = { value: verification.eventsPerSecond, met: verification.eventsPerSecond >= TARGETS.eventsPerSecond };
  }
  if (overhead) {
    console.table(overhead.phases.map(({ phase, decisions, decisionsPerSecond, p50Ms, p95Ms, p99Ms, errors }) => ({ phase, decisions, 'decisions/s': decisionsPerSecond, 'p50 ms': p50Ms, 'p95 ms': p95Ms, 'p99 ms': p99Ms, errors })));
    targets[`auditing costs ≤ ${Math.round((1 - TARGETS.throughputRatio) * 100)}% of decision throughput (on ÷ off ≥ ${TARGETS.throughputRatio})`] = {
      value: overhead.ratioOnOverOff,
      met: overhead.ratioOnOverOff >= TARGETS.throughputRatio,
    };
    log(`decisions/s: audit on ${overhead.decisionsPerSecondOn}, off ${overhead.decisionsPerSecondOff}; on ÷ off = ${overhead.ratioOnOverOff}`);
  }
  console.table(Object.entries(targets).map(([target, { value, met }]) => ({ target, value, met })));
  return targets;
}

async function main(): Promise<void> {
  const startedAt = performance.now();
  const loadBefore = loadavg();
  let verification: Verification | null = null;
  let overhead: Overhead | null = null;
  if (settings.part !== 'overhead') {
    log(`writing an export of ${settings.events.toLocaleString('en')} generated events (untimed), then verifying it`);
    verification = await verificationRate();
    log(`verified ${verification.events} events (${verification.megabytes} MB, ${verification.checkpoints} checkpoints) on ${verification.threads} threads in ${verification.seconds} s: ${verification.eventsPerSecond} events/s (${verification.eventsPerCpuSecond} per CPU-second)`);
  }
  if (settings.part !== 'verification') {
    ensureSigningKey({ privateKeyFile: requireEnv('AUDIT_SIGNING_KEY_FILE'), publicKeyFile: requireEnv('AUDIT_PUBLIC_KEY_FILE') });
    log(`decisions/s with and without auditing, ${settings.rounds} rounds each`);
    overhead = await auditOverhead();
  }
  const targets = report(verification, overhead);
  mkdirSync('bench/results', { recursive: true });
  const file = settings.part === 'all' ? 'bench/results/audit.json' : `bench/results/audit-${settings.part}.json`;
  const machine = { cpus: cpus().length, loadAverageBefore: loadBefore, loadAverageAfter: loadavg() };
  writeFileSync(file, `${JSON.stringify({ benchmark: 'audit', at: new Date().toISOString(), node: process.version, machine, settings, verification, overhead, targets }, null, 2)}\n`);
  log(`written ${file}; done in ${((performance.now() - startedAt) / 1000).toFixed(0)} s`);
}

await main();
