// The API with auditing switched off, for `npm run bench:audit` only: it measures decisions/s
// without the audit append, to compare with the production entry point in the same run. Nothing in
// apps/ or libs/ can switch auditing off: the no-op port exists only here, and this entry refuses to
// start unless the benchmark says so.
import 'reflect-metadata';
import { type AppendedAuditEvent, type AuditEventInput, AuditPort } from '@kasian/audit';
import { apiConfigSchema, loadConfigOrExit } from '@kasian/config';
import { createApiApp } from '../../apps/api/src/bootstrap';
import { UNAUDITED_SWITCH } from './api-process';

class NoAuditForBenchmarks extends AuditPort {
  async append(_tx: unknown, event: AuditEventInput): Promise<AppendedAuditEvent> {
    return { officeId: event.officeId, seq: 0n, hash: '' };
  }

  async enqueue(): Promise<void> {}
}

if (process.env[UNAUDITED_SWITCH] !== 'benchmark only') {
  process.stderr.write(`Refusing to start an API without audit: this entry point is for npm run bench:audit (${UNAUDITED_SWITCH}).\n`);
  process.exit(78);
}
process.stderr.write('WARNING: auditing is OFF in this process (benchmark only).\n');
const config = loadConfigOrExit(apiConfigSchema);
const app = await createApiApp(config, { auditPort: NoAuditForBenchmarks });
await app.listen({ host: config.API_HOST, port: config.API_PORT });
