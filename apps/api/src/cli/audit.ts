import 'reflect-metadata';
import { mkdirSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Logger } from '@nestjs/common';
import { z } from 'zod';
import { AuditTrails, CHECKPOINTS_FILE, CheckpointStore, ensureSigningKey, PUBLIC_KEYS_FILE, TRAIL_FILE, type VerificationResult, verifyExport } from '@kasian/audit';
import { apiConfigSchema, DATABASE_AND_STORAGE_KEYS, loadConfigOrExit } from '@kasian/config';
import { SqlTransactions } from '@kasian/database';
import { StorageService } from '@kasian/storage';
import { sealOffices } from './audit-seal';

const USAGE = `Kasian audit trail (ADR 0014)

  audit verify --office <id|code> [--from-export <dir>] [--json]
      Verifies the office's whole trail against its signed checkpoints: online from PostgreSQL and
      MinIO, or offline from an export (${TRAIL_FILE}, ${CHECKPOINTS_FILE}, ${PUBLIC_KEYS_FILE}).
      Exit 0 when intact, 1 with the first broken position and its kind.
  audit export --office <id|code> --out <dir> [--document <id>]
      Writes the trail (or one document's), its checkpoints and the public keys to <dir>.
  audit keygen
      Makes the checkpoint-signing key pair if AUDIT_SIGNING_KEY_FILE is missing (never replaces one).
  audit seal
      Links events recorded before the chain existed into it (run as the owner role, after migrating).`;

const EXIT = { ok: 0, broken: 1, usage: 2 } as const;

const onlineSchema = apiConfigSchema.pick({ ...DATABASE_AND_STORAGE_KEYS, AUDIT_PUBLIC_KEY_FILE: true });

function fail(message: string, code: number = EXIT.usage): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

async function online<T>(work: (trails: AuditTrails) => Promise<T>): Promise<T> {
  const config = loadConfigOrExit(onlineSchema);
  const sql = new SqlTransactions({ DATABASE_URL: config.DATABASE_URL, DATABASE_POOL_SIZE: 2 });
  const storage = new StorageService(config);
  try {
    await storage.ensureBuckets();
    return await work(new AuditTrails(sql, new CheckpointStore(storage), config));
  } finally {
    await sql.onModuleDestroy();
  }
}

async function officeOf(trails: AuditTrails, idOrCode: string) {
  return (await trails.office(idOrCode)) ?? fail(`No office with id or code "${idOrCode}".`);
}

/** Offline: only the exported files, no database and no MinIO. */
async function verifyExportOf(dir: string, office: string, json: boolean): Promise<VerificationResult> {
  const { header, result, threads } = await verifyExport(dir);
  if (office !== header.officeId && office !== header.officeCode) fail(`The export is of office ${header.officeCode} (${header.officeId}), not ${office}.`);
  if (!json && threads > 1) process.stdout.write(`verified on ${threads} threads\n`);
  return result;
}

function report(result: VerificationResult, json: boolean): never {
  if (json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  else if (result.ok) {
    const anchored = result.anchoredThrough === null ? 'no signed checkpoint covers it yet' : `signed checkpoints confirm it through event ${result.anchoredThrough} (${result.checkpoints.matched} checkpoints)`;
    process.stdout.write(`intact: ${result.events} events, last ${result.lastSeq ?? '-'} ${result.lastHash ?? ''}\n${anchored}\n`);
  } else {
    const { position, kind, message, messageTh, details } = result.failure!;
    process.stdout.write(`BROKEN at position ${position}: ${kind}\n${message}\n${messageTh}\n${JSON.stringify(details)}\n`);
  }
  process.exit(result.ok ? EXIT.ok : EXIT.broken);
}

async function main(): Promise<void> {
  Logger.overrideLogger(['error']);
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      office: { type: 'string' },
      'from-export': { type: 'string' },
      out: { type: 'string' },
      document: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  const [command] = positionals;
  if (command === 'keygen') {
    const files = loadConfigOrExit(z.object({ AUDIT_SIGNING_KEY_FILE: z.string().min(1), AUDIT_PUBLIC_KEY_FILE: z.string().min(1) }));
    const { keyId, created } = ensureSigningKey({ privateKeyFile: files.AUDIT_SIGNING_KEY_FILE, publicKeyFile: files.AUDIT_PUBLIC_KEY_FILE });
    return void process.stdout.write(`${created ? 'made' : 'kept'} the checkpoint-signing key ${keyId} (${files.AUDIT_SIGNING_KEY_FILE}); public key in ${files.AUDIT_PUBLIC_KEY_FILE}\n`);
  }
  if (command === 'seal') {
    const { DATABASE_URL } = loadConfigOrExit(apiConfigSchema.pick({ DATABASE_URL: true }));
    const sealed = await sealOffices(DATABASE_URL);
    return void process.stdout.write(sealed.length ? `sealed ${sealed.map((s) => `${s.events} events of ${s.officeId}`).join(', ')}\n` : 'audit chain: nothing to seal\n');
  }
  const office = values.office ?? fail(USAGE);
  if (command === 'verify') {
    const dir = values['from-export'];
    report(dir ? await verifyExportOf(dir, office, values.json) : await online(async (trails) => trails.verifyOffice((await officeOf(trails, office)).id)), values.json);
  }
  if (command === 'export') {
    const out = values.out ?? fail(USAGE);
    await online(async (trails) => {
      const exported = await trails.export({ officeId: (await officeOf(trails, office)).id, documentId: values.document });
      mkdirSync(out, { recursive: true });
      for (const file of exported.files) await writeFile(join(out, file.name), file.content);
      process.stdout.write(`exported events ${exported.header.fromSeq}..${exported.header.throughSeq} of ${exported.header.officeCode} to ${out}\n`);
    });
    return;
  }
  fail(USAGE);
}

await main();
