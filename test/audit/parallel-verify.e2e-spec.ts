import { spawnSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ChainBuilder,
  CHECKPOINTS_FILE,
  eventHeader,
  formatTrailHeader,
  formatTrailLine,
  PUBLIC_KEYS_FILE,
  PublicKeyRing,
  signCheckpoint,
  STRETCHES_FROM_BYTES,
  TRAIL_FILE,
  type TrailLine,
  verifyExport,
} from '@kasian/audit';
import { canonicalJson } from '@kasian/canonical';

/**
 * The built verifier (dist/, where the stretch worker exists) checks a large export on several
 * threads; whatever was done to the export, it reports exactly what the line-by-line walk reports.
 */
const OFFICE = '3c9e1f7a-2b4d-4a6c-8e0f-1a2b3c4d5e6f';
const EVENTS = 6000;
const CHECKPOINT_EVERY = 1000;
const { privateKey, publicKey } = generateKeyPairSync('ed25519');
const NOTE = 'เห็นควรนำเรียนนายกองค์การบริหารส่วนตำบลเพื่อโปรดพิจารณาอนุมัติให้ดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใส '.repeat(5);

function events(): TrailLine[] {
  const chain = new ChainBuilder();
  return Array.from({ length: EVENTS }, (_, i) =>
    chain.append(
      eventHeader({
        officeId: OFFICE,
        occurredAt: new Date(Date.UTC(2025, 9, 21, 2, 0, 0) + i * 1000),
        action: 'route.decided',
        actor: { subject: `sub-${i % 7}`, personId: null, positionId: null, onBehalfOfPositionId: null, orderRef: null },
        target: { type: 'document', id: `doc-${i % 40}` },
        versionHash: null,
        requestId: `req-${i}`,
      }),
      canonicalJson({ n: i + 1, word: 'เห็นชอบ', comment: NOTE }),
    ),
  );
}

const INTACT = events();
const CHECKPOINTS = INTACT.filter((l) => l.seq % CHECKPOINT_EVERY === 0).map((l) => signCheckpoint({ v: 1, officeId: OFFICE, seq: l.seq, hash: l.hash, time: '2025-10-21T09:00:00.000Z' }, privateKey));

/** What the export's lines become; checkpoints and header as exported from the intact chain. */
const TAMPERINGS: Record<string, (lines: TrailLine[]) => TrailLine[]> = {
  'an edited payload late in the file': (lines) => lines.map((l) => (l.seq === 4321 ? { ...l, payload: canonicalJson({ n: 4321, word: 'ไม่อนุมัติ', comment: NOTE }) } : l)),
  'a deleted line in the first half': (lines) => lines.filter((l) => l.seq !== 1234),
  'two lines swapped where the file is cut in two': (lines) => {
    const out = [...lines];
    [out[2999], out[3000]] = [out[3000], out[2999]];
    return out;
  },
  'the chain recomputed after an edit': (lines) => {
    const chain = new ChainBuilder(4499, lines[4498].hash);
    return [...lines.slice(0, 4499), ...lines.slice(4499).map((l) => chain.append(l.event, l.seq === 4500 ? canonicalJson({ n: 4500, word: 'ไม่อนุมัติ', comment: NOTE }) : l.payload!))];
  },
  'the last 700 lines cut': (lines) => lines.slice(0, EVENTS - 700),
};

function writeExport(lines: TrailLine[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'kasian-parallel-verify-'));
  const header = formatTrailHeader({ officeId: OFFICE, officeCode: 'parallel', documentId: null, fromSeq: 1, throughSeq: EVENTS, exportedAt: '2025-10-21T10:00:00.000Z' });
  writeFileSync(join(dir, TRAIL_FILE), `${[header, ...lines.map(formatTrailLine)].join('\n')}\n`);
  writeFileSync(join(dir, CHECKPOINTS_FILE), `${CHECKPOINTS.map((c) => JSON.stringify(c)).join('\n')}\n`);
  writeFileSync(join(dir, PUBLIC_KEYS_FILE), new PublicKeyRing([publicKey]).toPem());
  return dir;
}

/** The built library’s verifyExport on two threads, in a plain Node process. */
function builtVerify(dir: string): { threads: number; result: Record<string, unknown> } {
  const script = `const { verifyExport } = await import(${JSON.stringify(new URL('../../dist/libs/audit/src/index.js', import.meta.url).href)}); const { threads, result } = await verifyExport(process.argv[1], 2); process.stdout.write(JSON.stringify({ threads, result }));`;
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script, dir], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`built verifier failed: ${run.stderr}`);
  return JSON.parse(run.stdout);
}

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe('verifying a large export on several threads', () => {
  it('verifies an intact trail in two stretches, with the result of the line-by-line walk', async () => {
    const dir = writeExport(INTACT);
    dirs.push(dir);
    expect(statSync(join(dir, TRAIL_FILE)).size).toBeGreaterThan(STRETCHES_FROM_BYTES);
    const built = builtVerify(dir);
    const walked = await verifyExport(dir, 1);
    expect(built.threads).toBe(2);
    expect(walked.threads).toBe(1);
    expect(built.result).toEqual(JSON.parse(JSON.stringify(walked.result)));
    expect(built.result).toMatchObject({ ok: true, events: EVENTS, anchoredThrough: EVENTS });
  });

  it.each(Object.entries(TAMPERINGS))('names the same break as the line-by-line walk: %s', async (_, tamper) => {
    const dir = writeExport(tamper(INTACT));
    dirs.push(dir);
    const built = builtVerify(dir);
    const walked = await verifyExport(dir, 1);
    expect(walked.result.ok).toBe(false);
    expect(built.result).toEqual(JSON.parse(JSON.stringify(walked.result)));
  });

  it('tells on the command line how many threads verified it', () => {
    const dir = dirs[0];
    const run = spawnSync(process.execPath, ['dist/apps/api/src/cli/audit.js', 'verify', '--office', 'parallel', '--from-export', dir], { encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^verified on \d+ threads\nintact: 6000 events/);
    expect(readFileSync(join(dir, TRAIL_FILE), 'utf8').split('\n')).toHaveLength(EVENTS + 2);
  });
});
