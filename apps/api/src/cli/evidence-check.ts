import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { ChainedAuditLog } from '@kasian/audit';
import { apiConfigSchema, DATABASE_AND_STORAGE_KEYS, loadConfigOrExit } from '@kasian/config';
import { SqlTransactions } from '@kasian/database';
import { StorageService } from '@kasian/storage';
import { type ConsistencyReport, EvidenceConsistency, hasProblems } from '../evidence/evidence-consistency';

/**
 * npm run evidence:check [-- --repair] [--grace-minutes 60] [--office <office id>] [--json]
 * Exit code 0: storage and database agree; 1: something is (still) wrong; 78: bad configuration.
 */
const { values } = parseArgs({
  options: {
    repair: { type: 'boolean', default: false },
    'grace-minutes': { type: 'string', default: '60' },
    office: { type: 'string' },
    json: { type: 'boolean', default: false },
  },
});
const graceMinutes = Number(values['grace-minutes']);
if (!Number.isFinite(graceMinutes) || graceMinutes < 0) {
  process.stderr.write('--grace-minutes must be a number of minutes ≥ 0\n');
  process.exit(2);
}

const config = loadConfigOrExit(apiConfigSchema.pick(DATABASE_AND_STORAGE_KEYS));
const sql = new SqlTransactions({ DATABASE_URL: config.DATABASE_URL, DATABASE_POOL_SIZE: 2 });
try {
  const checker = new EvidenceConsistency({ sql, storage: new StorageService(config), audit: new ChainedAuditLog() });
  const report = await checker.check({ repair: values.repair, graceMs: graceMinutes * 60_000, officeId: values.office });
  process.exitCode = hasProblems(report) ? 1 : 0;
  process.stdout.write(values.json ? `${JSON.stringify(report, null, 2)}\n` : describe(report, values.repair));
} finally {
  await sql.onModuleDestroy();
}
// Idle keep-alive sockets to MinIO would hold the process for seconds after the work is done.
process.stdout.write('', () => process.exit());

function describe(report: ConsistencyReport, repair: boolean): string {
  const lines = [
    ...report.missingObjects.map((m) => `MISSING OBJECT  evidence ${m.evidenceId} (${m.objectKey}, version ${m.objectVersionId})${m.marked ? ' — marked' : ''}`),
    ...report.restoredObjects.map((r) => `OBJECT BACK     evidence ${r.evidenceId}${r.cleared ? ' — mark cleared' : ''}`),
    ...report.orphanObjects.map((o) => `ORPHAN OBJECT   ${o.objectKey} (since ${o.lastModified})${o.removed ? ' — removed' : ''}`),
    ...report.pendingObjects.map((p) => `PENDING         ${p.objectKey} (since ${p.lastModified}, within the grace period)`),
    ...report.staleUploads.map((u) => `STALE UPLOAD    ${u.objectKey} (started ${u.initiated})${u.aborted ? ' — aborted' : ''}`),
  ];
  const verdict = hasProblems(report) ? (repair ? 'problems remain' : 'problems found (run with --repair to fix what can be fixed)') : 'storage and database agree';
  return `${lines.join('\n')}${lines.length ? '\n' : ''}evidence:check: ${verdict}\n`;
}
