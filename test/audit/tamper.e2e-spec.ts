import type pg from 'pg';
import type { PrismaService, SqlTransactions } from '@kasian/database';
import { appendEvents, asDatabaseAdministrator, auditCli, auditServices, recomputeChain } from '../support/audit';
import { e2ePrisma, e2eSql, scratchOffice } from '../support/prisma';

/**
 * Must-show 1 of issue 8: a database superuser tampers with an office's trail in the five ways of
 * the issue; the verifier names the first broken position and the kind. Each office has 12 events
 * with signed checkpoints in MinIO at 6 and at 12. Cutting the tail and recomputing the chain leave
 * a trail that is internally consistent: only the checkpoints outside the database catch them.
 */
interface Tampering {
  name: string;
  tamper: (client: pg.Client, officeId: string, recompute: (fromSeq: number) => Promise<void>) => Promise<unknown>;
  /** What the verifier reports with the checkpoints from MinIO. */
  withCheckpoints: { position: number; kind: string };
  /** What it reports from the database alone: null = it passes. */
  withoutCheckpoints: { position: number; kind: string } | null;
}

const editPayload = (client: pg.Client, officeId: string, seq: number) =>
  client.query(`UPDATE audit_events SET payload = jsonb_set(payload, '{word}', '"ไม่อนุมัติ"') WHERE office_id = $1 AND seq = $2`, [officeId, seq]);

const TAMPERINGS: Tampering[] = [
  {
    name: 'edits one event’s payload',
    tamper: (client, officeId) => editPayload(client, officeId, 5),
    withCheckpoints: { position: 5, kind: 'edited' },
    withoutCheckpoints: { position: 5, kind: 'edited' },
  },
  {
    name: 'deletes an event in the middle',
    tamper: (client, officeId) => client.query(`DELETE FROM audit_events WHERE office_id = $1 AND seq = 7`, [officeId]),
    withCheckpoints: { position: 7, kind: 'missing' },
    withoutCheckpoints: { position: 7, kind: 'missing' },
  },
  {
    name: 'swaps two events',
    tamper: async (client, officeId) => {
      for (const [from, to] of [[3, 1_000_003], [4, 3], [1_000_003, 4]]) {
        await client.query(`UPDATE audit_events SET seq = $3 WHERE office_id = $1 AND seq = $2`, [officeId, from, to]);
      }
    },
    withCheckpoints: { position: 3, kind: 'swapped' },
    withoutCheckpoints: { position: 3, kind: 'swapped' },
  },
  {
    name: 'deletes the last 3 events (and winds the head back)',
    tamper: async (client, officeId) => {
      await client.query(`DELETE FROM audit_events WHERE office_id = $1 AND seq > 9`, [officeId]);
      await client.query(`UPDATE audit_chain_heads h SET last_seq = 9, last_hash = e.hash FROM audit_events e WHERE h.office_id = $1 AND e.office_id = $1 AND e.seq = 9`, [officeId]);
    },
    withCheckpoints: { position: 10, kind: 'truncated' },
    withoutCheckpoints: null,
  },
  {
    name: 'edits a payload and recomputes the whole chain after it',
    tamper: async (client, officeId, recompute) => {
      await editPayload(client, officeId, 5);
      await recompute(5);
    },
    withCheckpoints: { position: 6, kind: 'checkpoint_mismatch' },
    withoutCheckpoints: null,
  },
];

describe('a database superuser tampers with the audit trail', () => {
  let prisma: PrismaService;
  let sql: SqlTransactions;
  let audit: ReturnType<typeof auditServices>;

  beforeAll(async () => {
    prisma = e2ePrisma();
    sql = e2eSql();
    audit = auditServices(sql);
    await audit.ready();
  });
  afterAll(async () => {
    await sql.onModuleDestroy();
    await prisma.$disconnect();
  });

  /** 12 events, signed at 6 and at 12, intact before the tampering. */
  async function signedOffice(): Promise<string> {
    const officeId = await scratchOffice(prisma);
    await appendEvents(sql, officeId, 6);
    expect(await audit.sign(officeId)).toBe('signed');
    await appendEvents(sql, officeId, 6);
    expect(await audit.sign(officeId)).toBe('signed');
    expect(await audit.trails.verifyOffice(officeId)).toMatchObject({ ok: true, events: 12, anchoredThrough: 12, checkpoints: { matched: 2 } });
    return officeId;
  }

  it.each(TAMPERINGS)('$name: named by position and kind', async ({ tamper, withCheckpoints, withoutCheckpoints }) => {
    const officeId = await signedOffice();
    await asDatabaseAdministrator((client) => tamper(client, officeId, (fromSeq) => recomputeChain(audit.trails, officeId, fromSeq)));

    const checked = await audit.trails.verifyOffice(officeId);
    expect(checked).toMatchObject({ ok: false, failure: withCheckpoints });
    const alone = await audit.trails.verifyOffice(officeId, []);
    if (withoutCheckpoints) expect(alone).toMatchObject({ ok: false, failure: withoutCheckpoints });
    else expect(alone).toMatchObject({ ok: true, failure: null });

    const cli = auditCli(['verify', '--office', officeId, '--json']);
    expect(cli.status).toBe(1);
    expect(cli.result?.failure).toMatchObject(withCheckpoints);
  });

  it('the worker refuses to sign a tampered chain and raises an alert instead', async () => {
    const officeId = await signedOffice();
    await appendEvents(sql, officeId, 2);
    await asDatabaseAdministrator((client) => editPayload(client, officeId, 13));
    expect(await audit.checkpoints.checkpointOffice({ officeId, signedSeq: 12 })).toBe('broken');
    expect((await audit.store.all(officeId)).map((c) => c.signed.checkpoint.seq)).toEqual([6, 12]);
    const alerts = await prisma.auditAlert.findMany({ where: { officeId } });
    expect(alerts.map((a) => [a.position, a.kind])).toEqual([[13n, 'edited']]);
  });
});
