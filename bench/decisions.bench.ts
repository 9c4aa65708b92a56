// Route decisions through the real HTTP API (child process, real Keycloak tokens, audit on) against
// a plain-SQL floor on the same PostgreSQL. See bench/README.md.
// Usage: npm run bench:decisions [-- --offices 20 --routes-per-office 30 --concurrency 16 --pool 10 --paced-rate 200 --paced-seconds 15 --rounds 3
//        --log-level info --cpu-prof-dir bench/results/profiles]
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { type ApiProcess, spawnApi } from './support/api-process';
import { freshBenchDatabase, option, ownerUrlOf, plainPgUrl, textOption } from './support/bench-env';
import { type BenchStaff, createBenchStaff } from './support/bench-offices';
import { cpuPerAction, cpuSnapshot } from './support/cpu';
import { JsonClient } from './support/http-client';
import { prepareFloor, runFloor, samplePayloads } from './support/sql-floor';
import { errorCodes, type Figures, figuresOf, median } from './support/stats';
import { ACTIONS_PER_ROUTE, type PhaseRecord, RouteDriver, routesNeededFor, routeTemplate } from './support/workload';

const settings = {
  database: textOption('database', 'kasian_bench'),
  offices: option('offices', 20),
  routesPerOffice: option('routes-per-office', 30),
  busyRoutes: option('busy-routes', 160),
  concurrency: option('concurrency', 16),
  pool: option('pool', 10),
  pacedDecisionsPerSecond: option('paced-rate', 200),
  pacedSeconds: option('paced-seconds', 15),
  /** Saturated API and floor phases alternate this many times, and the paced phase runs this many times: the machine is shared, medians are reported. */
  rounds: option('rounds', 3),
  logLevel: textOption('log-level', 'info'),
  /** Writes a V8 CPU profile of the API process to this directory (`--cpu-prof`). */
  cpuProfileDir: textOption('cpu-prof-dir', ''),
};
const TOKEN_MAX_AGE_MS = 150_000;
const TARGETS = { decisionsPerSecond: 300, pacedP99Ms: 50, floorRatio: 0.4 };

interface PhaseResult extends Figures {
  phase: string;
  concurrency: number | string;
  cpuPerAction?: ReturnType<typeof cpuPerAction>;
  errorCodes?: Record<string, number>;
}

function log(message: string): void {
  console.log(`[bench:decisions] ${message}`);
}

async function measured(phase: string, concurrency: number | string, apiPid: number | null, run: () => Promise<PhaseRecord>): Promise<PhaseResult> {
  const before = cpuSnapshot(apiPid);
  const record = await run();
  const after = cpuSnapshot(apiPid);
  const figures = figuresOf(record);
  const accepted = record.samples.filter((s) => s.status === 200).length;
  const result = { phase, concurrency, ...figures, cpuPerAction: cpuPerAction(before, after, accepted), errorCodes: errorCodes(record), ...(record.starved ? { starved: record.starved } : {}) };
  log(`${phase}: ${figures.decisionsPerSecond} decisions/s, p50 ${figures.p50Ms} ms, p99 ${figures.p99Ms} ms, errors ${figures.errors}`);
  return result;
}

async function publishTemplates(client: JsonClient, staff: BenchStaff): Promise<void> {
  for (const office of staff.offices) {
    const reply = await client.post('/route-templates', staff.token(office.username('admin')), routeTemplate(office));
    if (reply.status !== 201) throw new Error(`POST /route-templates → ${reply.status} ${JSON.stringify(reply.body)}`);
  }
}

/** Open loop at `decisionsPerSecond` decisions (plus the submits that go with them: one per four decisions). */
async function pacedPhase(driver: RouteDriver, staff: BenchStaff, apiPid: number, decisionsPerSecond: number, freshTokens: () => Promise<void>): Promise<PhaseResult> {
  const actionsPerSecond = (decisionsPerSecond * ACTIONS_PER_ROUTE) / (ACTIONS_PER_ROUTE - 1);
  const perOffice = Math.ceil(routesNeededFor(actionsPerSecond, settings.pacedSeconds) / staff.offices.length);
  const routes = await driver.createRoutes(staff.offices, perOffice, 8);
  await freshTokens();
  const phase = `API, ${staff.offices.length} offices, paced ${decisionsPerSecond} decisions/s`;
  return measured(phase, 'open loop', apiPid, () => driver.pace(routes, actionsPerSecond, settings.pacedSeconds));
}

/** The figures the verdicts read: medians over the rounds, each round's API phase paired with the floor run right after it. */
interface Rounds {
  saturated: PhaseResult[];
  floor: PhaseResult[];
  paced: PhaseResult[];
}

const roundedMedian = (values: number[]) => Number(median(values).toFixed(3));

/** The plain-SQL floor on the same PostgreSQL, as the owner role: it creates its own schema, which the application's role may not (ADR 0014). */
class Floor {
  private readonly pool: pg.Pool;
  private payloads: Awaited<ReturnType<typeof samplePayloads>> | null = null;

  constructor(
    databaseUrl: string,
    private readonly officeIds: string[],
  ) {
    this.pool = new pg.Pool({ connectionString: plainPgUrl(ownerUrlOf(databaseUrl)), max: settings.pool });
  }

  /** Fresh floor tables with as many routes as an API round drives, then one timed run. */
  async run(label: string, withAudit: boolean): Promise<PhaseResult> {
    this.payloads ??= await samplePayloads(this.pool);
    const routes = await prepareFloor(this.pool, this.officeIds, settings.routesPerOffice, this.payloads);
    return measured(`${label}: plain SQL (pg), ${this.officeIds.length} offices`, settings.concurrency, null, () => runFloor(this.pool, routes, this.payloads!, settings.concurrency, withAudit));
  }

  close(): Promise<void> {
    return this.pool.end();
  }
}

async function phases(api: ApiProcess, staff: BenchStaff, floor: Floor): Promise<{ results: PhaseResult[]; rounds: Rounds }> {
  const client = new JsonClient(api.url, Math.max(settings.concurrency, 64));
  const driver = new RouteDriver(client, staff);
  let tokensAt = performance.now();
  await staff.refreshTokens();
  const freshTokens = async () => {
    if (performance.now() - tokensAt < TOKEN_MAX_AGE_MS) return;
    log('refreshing tokens (untimed)');
    await staff.refreshTokens();
    tokensAt = performance.now();
  };
  const results: PhaseResult[] = [];
  const rounds: Rounds = { saturated: [], floor: [], paced: [] };
  try {
    await publishTemplates(client, staff);
    log('drafting documents through the API (untimed)');
    const warmup = await driver.createRoutes(staff.offices, 2, 8);
    await freshTokens();
    await driver.saturate(warmup, settings.concurrency);
    for (let round = 1; round <= settings.rounds; round++) {
      const routes = await driver.createRoutes(staff.offices, settings.routesPerOffice, 8);
      await freshTokens();
      rounds.saturated.push(await measured(`API, ${staff.offices.length} offices, saturated (round ${round})`, settings.concurrency, api.pid, () => driver.saturate(routes, settings.concurrency)));
      rounds.floor.push(await floor.run(`floor (round ${round})`, false));
      results.push(rounds.saturated.at(-1)!, rounds.floor.at(-1)!);
    }
    results.push(await floor.run('floor + audit append', true));
    const busy = await driver.createRoutes([staff.offices[0]], settings.busyRoutes, 8);
    await freshTokens();
    results.push(await measured('API, one busy office alone, saturated', settings.concurrency, api.pid, () => driver.saturate(busy, settings.concurrency)));
    for (let round = 1; round <= settings.rounds; round++) rounds.paced.push(await pacedPhase(driver, staff, api.pid, settings.pacedDecisionsPerSecond, freshTokens));
    results.push(...rounds.paced);
    const sustainable = Math.max(10, Math.round(roundedMedian(rounds.saturated.map((r) => r.decisionsPerSecond)) / 2 / 10) * 10);
    results.push(await pacedPhase(driver, staff, api.pid, sustainable, freshTokens));
    return { results, rounds };
  } finally {
    client.close();
  }
}

function verdicts({ saturated, floor, paced }: Rounds) {
  const apiRate = roundedMedian(saturated.map((r) => r.decisionsPerSecond));
  const ratio = roundedMedian(saturated.map((r, i) => r.decisionsPerSecond / floor[i].decisionsPerSecond));
  const pacedP99 = roundedMedian(paced.map((r) => r.p99Ms));
  const of = `median of ${settings.rounds}`;
  return {
    medians: { apiDecisionsPerSecond: apiRate, floorDecisionsPerSecond: roundedMedian(floor.map((r) => r.decisionsPerSecond)), pacedP99Ms: pacedP99 },
    ratioApiOverFloor: ratio,
    targets: {
      [`≥ ${TARGETS.decisionsPerSecond} decisions/s through the API (${of})`]: { value: apiRate, met: apiRate >= TARGETS.decisionsPerSecond },
      [`p99 < ${TARGETS.pacedP99Ms} ms at ${settings.pacedDecisionsPerSecond} decisions/s (${of})`]: { value: pacedP99, met: pacedP99 < TARGETS.pacedP99Ms },
      [`API ≥ ${TARGETS.floorRatio * 100}% of the plain-SQL floor (${of} paired rounds)`]: { value: ratio, met: ratio >= TARGETS.floorRatio },
    },
  };
}

function report(results: PhaseResult[], verdict: ReturnType<typeof verdicts>, api: { mode: string }, loadBefore: number[]) {
  console.table(
    results.map(({ phase, concurrency, decisions, decisionsPerSecond, actionsPerSecond, p50Ms, p95Ms, p99Ms, maxMs, errors, cpuPerAction: cpu }) => ({
      phase,
      concurrency,
      decisions,
      'decisions/s': decisionsPerSecond,
      'actions/s': actionsPerSecond,
      'p50 ms': p50Ms,
      'p95 ms': p95Ms,
      'p99 ms': p99Ms,
      'max ms': maxMs,
      errors,
      'CPU ms/action api|pg': cpu ? `${cpu.apiMs} | ${cpu.postgresMs}` : '',
      'busy|steal %': cpu ? `${cpu.machineBusyPercent} | ${cpu.stealPercent}` : '',
    })),
  );
  console.table(Object.entries(verdict.targets).map(([target, { value, met }]) => ({ target, value, met })));
  const { medians } = verdict;
  log(`medians of ${settings.rounds} rounds: API ${medians.apiDecisionsPerSecond} decisions/s, floor ${medians.floorDecisionsPerSecond}, API ÷ floor (paired) ${verdict.ratioApiOverFloor}, paced p99 ${medians.pacedP99Ms} ms`);
  mkdirSync('bench/results', { recursive: true });
  const file = 'bench/results/decisions.json';
  const machine = { cpus: cpus().length, loadAverageBefore: loadBefore, loadAverageAfter: loadavg() };
  const document = { benchmark: 'decisions', at: new Date().toISOString(), node: process.version, machine, api, settings, ...verdict, results };
  writeFileSync(file, `${JSON.stringify(document, null, 2)}\n`);
  log(`written ${file}`);
}

async function main(): Promise<void> {
  const startedAt = performance.now();
  const loadBefore = loadavg();
  log(`fresh database ${settings.database}`);
  const databaseUrl = await freshBenchDatabase(settings.database);
  log(`${settings.offices} offices with real Keycloak users (untimed)`);
  const staff = await createBenchStaff(databaseUrl, settings.offices);
  let api: ApiProcess | null = null;
  try {
    const profiling = settings.cpuProfileDir ? ['--cpu-prof', `--cpu-prof-dir=${settings.cpuProfileDir}`] : [];
    api = await spawnApi({ DATABASE_URL: databaseUrl, DATABASE_POOL_SIZE: String(settings.pool), QUEUE_PREFIX: 'kasian-bench', LOG_LEVEL: settings.logLevel }, profiling);
    log(`API child process pid ${api.pid} on ${api.url}`);
    const floor = new Floor(databaseUrl, staff.offices.map((o) => o.officeId));
    try {
      const { results, rounds } = await phases(api, staff, floor);
      report(results, verdicts(rounds), { mode: 'child process: node dist/apps/api/src/main.js' }, loadBefore);
    } finally {
      await floor.close();
    }
  } finally {
    await api?.stop();
    log('removing the Keycloak users of this run');
    await staff.dispose();
    log(`done in ${((performance.now() - startedAt) / 1000).toFixed(0)} s`);
  }
}

await main();
