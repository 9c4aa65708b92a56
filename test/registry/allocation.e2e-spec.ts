import type { Prisma } from '@prisma/client';
import { PrismaService } from '@kasian/database';
import { seedDemoRegisters } from '../../apps/api/src/demo/registers';
import { RegisterNumbering, type Tx } from '../../apps/api/src/registry/register-numbering.service';
import { e2eDatabaseUrl } from '../support/environment';
import { scratchOffice } from '../support/prisma';

const CLIENTS = 50;
const PER_CLIENT = 20;
const LONG_TX = { maxWait: 60_000, timeout: 60_000 };
const MID_MARCH_2569 = new Date('2026-03-15T10:00:00+07:00');

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
const bangkok = (local: string) => new Date(`${local}+07:00`);

class RolledBack extends Error {}

describe('numbering register: allocation on the real PostgreSQL', () => {
  // 50 truly concurrent transactions need 50 connections.
  const prisma = new PrismaService({ DATABASE_URL: e2eDatabaseUrl(), DATABASE_POOL_SIZE: CLIENTS });
  const numbering = new RegisterNumbering();
  let officeId: string;

  beforeAll(async () => {
    officeId = await scratchOffice(prisma);
  });
  afterAll(() => prisma.$disconnect());

  const createRegister = (code: string, data: Partial<Prisma.RegisterUncheckedCreateInput> = {}) =>
    prisma.register.create({
      data: { officeId, code, nameTh: 'ทะเบียนหนังสือส่ง', documentKind: 'MEMO', yearKind: 'CALENDAR', format: 'MEMO_STYLE', prefix: 'ชร', prefixAliases: ['ขร'], officeCode: '73501', ...data },
    });
  const issue = (registerId: string, at: Date, subject = 'ทดสอบ') => prisma.$transaction((tx) => numbering.issueNumber(tx, registerId, null, at, { subject }), LONG_TX);
  const record = (registerId: string, numberText: string, issuedAt: Date, extra: { year?: number; subject?: string; source?: 'MANUAL' | 'IMPORTED' } = {}) =>
    prisma.$transaction((tx) => numbering.recordExternal(tx, registerId, { numberText, issuedAt, source: 'MANUAL', subject: 'หนังสือภายนอก', ...extra }), LONG_TX);
  const numbersOf = async (registerId: string, year: number) =>
    (await prisma.registerEntry.findMany({ where: { registerId, year }, orderBy: { number: 'asc' }, select: { number: true } })).map((e) => e.number);
  const counterOf = async (registerId: string, year: number) =>
    (await prisma.registerCounter.findUnique({ where: { registerId_year: { registerId, year } } }))?.lastNumber ?? 0;

  it(`${CLIENTS * PER_CLIENT} numbers from ${CLIENTS} concurrent transactions on one register-year are exactly 1..${CLIENTS * PER_CLIENT}`, async () => {
    const register = await createRegister('concurrency');
    const started = performance.now();
    const latencies: number[] = [];
    await Promise.all(
      range(1, CLIENTS).map(async (client) => {
        for (let i = 1; i <= PER_CLIENT; i++) {
          const t0 = performance.now();
          await issue(register.id, MID_MARCH_2569, `client ${client} request ${i}`);
          latencies.push(performance.now() - t0);
        }
      }),
    );
    const elapsed = performance.now() - started;

    const total = CLIENTS * PER_CLIENT;
    const numbers = await numbersOf(register.id, 2569);
    expect(numbers).toEqual(range(1, total));
    expect(await counterOf(register.id, 2569)).toBe(total);
    const entries = await prisma.registerEntry.findMany({ where: { registerId: register.id } });
    expect(new Set(entries.map((e) => e.subject)).size).toBe(total);
    expect(entries.every((e) => e.source === 'ALLOCATED' && e.status === 'ISSUED' && e.year === 2569)).toBe(true);
    expect(entries.find((e) => e.number === 1000)?.numberText).toBe('ชร ๗๓๕๐๑/๑๐๐๐');

    latencies.sort((a, b) => a - b);
    const p = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))].toFixed(1);
    console.log(
      `[registry] ${total} numbers, ${CLIENTS} concurrent transactions: ${elapsed.toFixed(0)} ms, ` +
        `${((total / elapsed) * 1000).toFixed(0)} numbers/s, latency p50 ${p(0.5)} ms, p95 ${p(0.95)} ms, max ${p(1)} ms; ` +
        `numbers = 1..${numbers.at(-1)}, ${new Set(numbers).size} distinct, no gap`,
    );
  });

  it('a rolled-back transaction takes its number back: concurrent issues with every fifth rolled back stay gap-free', async () => {
    const register = await createRegister('rollback');
    let rolledBack = 0;
    await Promise.all(
      range(1, 20).map(async (client) => {
        for (let i = 1; i <= 10; i++) {
          const attempt = prisma.$transaction(async (tx: Tx) => {
            await numbering.issueNumber(tx, register.id, null, MID_MARCH_2569, { subject: `${client}/${i}` });
            if (i % 5 === 0) throw new RolledBack();
          }, LONG_TX);
          await attempt.catch((error: unknown) => {
            if (!(error instanceof RolledBack)) throw error;
            rolledBack++;
          });
        }
      }),
    );
    expect(rolledBack).toBe(40);
    expect(await numbersOf(register.id, 2569)).toEqual(range(1, 160));
    expect(await counterOf(register.id, 2569)).toBe(160);
  });

  it('FISCAL register: 1 again at midnight of 1 October, Bangkok time (17:00 UTC on 30 September), and not on 1 January', async () => {
    const register = await createRegister('fiscal', { yearKind: 'FISCAL' });
    const a = await issue(register.id, bangkok('2025-09-30T23:59:59.999'));
    const b = await issue(register.id, bangkok('2025-09-30T23:59:59.999'));
    const c = await issue(register.id, new Date('2025-09-30T17:00:00Z'));
    const d = await issue(register.id, bangkok('2026-01-01T00:00:00'));
    const e = await issue(register.id, bangkok('2026-10-01T00:00:00'));
    expect([a, b, c, d, e].map(({ entry }) => [entry.year, entry.number])).toEqual([
      [2568, 1],
      [2568, 2],
      [2569, 1],
      [2569, 2],
      [2570, 1],
    ]);
  });

  it('CALENDAR register: 1 again at midnight of 1 January, Bangkok time (17:00 UTC on 31 December), and not on 1 October', async () => {
    const register = await createRegister('calendar');
    const a = await issue(register.id, bangkok('2025-09-30T12:00:00'));
    const b = await issue(register.id, bangkok('2025-10-01T00:00:00'));
    const c = await issue(register.id, new Date('2025-12-31T16:59:59.999Z'));
    const d = await issue(register.id, new Date('2025-12-31T17:00:00Z'));
    expect([a, b, c, d].map(({ entry }) => [entry.year, entry.number])).toEqual([
      [2568, 1],
      [2568, 2],
      [2568, 3],
      [2569, 1],
    ]);
  });

  it('ORDER_STYLE: the number prints its BE year', async () => {
    const register = await createRegister('orders', { documentKind: 'ORDER', format: 'ORDER_STYLE', prefix: null, prefixAliases: [], officeCode: null });
    const { entry } = await issue(register.id, bangkok('2023-01-30T10:00:00'));
    expect(entry).toMatchObject({ year: 2566, number: 1, numberText: '๑/๒๕๖๖' });
  });

  it('a cancelled number stays in the register with its reason and is never issued or entered again', async () => {
    const register = await createRegister('cancel');
    for (let i = 0; i < 3; i++) await issue(register.id, MID_MARCH_2569);
    const second = await prisma.registerEntry.findUniqueOrThrow({ where: { registerId_year_number: { registerId: register.id, year: 2569, number: 2 } } });
    await prisma.$transaction((tx) => numbering.cancel(tx, register.id, second.id, 'ออกเลขผิดเรื่อง', officeId));
    const next = await issue(register.id, MID_MARCH_2569);
    expect(next.entry.number).toBe(4);

    const kept = await prisma.registerEntry.findUniqueOrThrow({ where: { id: second.id } });
    expect(kept).toMatchObject({ number: 2, status: 'CANCELLED', cancelledReason: 'ออกเลขผิดเรื่อง' });
    await expect(prisma.$transaction((tx) => numbering.cancel(tx, register.id, second.id, 'อีกครั้ง', officeId))).rejects.toMatchObject({ code: 'REGISTER_ENTRY_ALREADY_CANCELLED' });
    await expect(record(register.id, 'ชร ๗๓๕๐๑/๒', MID_MARCH_2569)).rejects.toMatchObject({ code: 'REGISTER_NUMBER_TAKEN', httpStatus: 409 });
    expect(await numbersOf(register.id, 2569)).toEqual([1, 2, 3, 4]);
  });

  it('a manual number above the counter raises it, so the counter never issues that number; a duplicate names the entry that holds it', async () => {
    const register = await createRegister('manual');
    await issue(register.id, bangkok('2025-10-01T09:00:00'));
    const manual = await record(register.id, 'ขร ๗๓๕๐๑/๑๖๕๖', bangkok('2025-10-21T00:00:00'), { subject: 'รายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน' });
    expect(manual.entry).toMatchObject({ year: 2568, number: 1656, numberText: 'ขร ๗๓๕๐๑/๑๖๕๖', source: 'MANUAL' });
    expect(manual.warnings.map((w) => w.code)).toEqual(['W-DOCNO-PREFIX-MISMATCH', 'W-REGISTER-NUMBERS-SKIPPED']);
    expect(manual.warnings[1].details).toMatchObject({ counterBefore: 1, skippedFrom: 2, skippedTo: 1655 });
    expect(await counterOf(register.id, 2568)).toBe(1656);

    const next = await issue(register.id, bangkok('2025-10-22T09:00:00'));
    expect(next.entry.number).toBe(1657);

    const duplicate = record(register.id, 'ชร 73501 / 1656', bangkok('2025-10-22T00:00:00'), { subject: 'อีกเรื่องหนึ่ง' });
    await expect(duplicate).rejects.toMatchObject({
      code: 'REGISTER_NUMBER_TAKEN',
      httpStatus: 409,
      details: { existingEntry: { id: manual.entry.id, number: 1656, subject: 'รายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน' } },
    });
    const below = await record(register.id, 'ชร ๗๓๕๐๑/๒', bangkok('2025-10-02T00:00:00'));
    expect(below.entry.number).toBe(2);
    expect(await counterOf(register.id, 2568)).toBe(1657);
    expect(await numbersOf(register.id, 2568)).toEqual([1, 2, 1656, 1657]);
  });

  it('I-8: imported history out of order is accepted with a warning', async () => {
    const register = await createRegister('history');
    const history = [
      ['ขร ๗๓๕๐๑/๑๖๕๖', '2025-10-21'],
      ['ชร ๗๓๕๐๑/ ๑๘๖๕', '2025-10-25'],
      ['ที่ ๗๓๕๐๑/๑๘๘๒', '2025-10-21'],
    ] as const;
    const results = [];
    for (const [numberText, day] of history) results.push(await record(register.id, numberText, bangkok(`${day}T00:00:00`), { source: 'IMPORTED' }));
    expect(results.map((r) => r.entry.number)).toEqual([1656, 1865, 1882]);
    expect(results[1].warnings.map((w) => w.code)).toEqual(['W-DOCNO-WHITESPACE', 'W-REGISTER-NUMBERS-SKIPPED']);
    expect(results[2].warnings.map((w) => w.code)).toEqual(['W-DOCNO-PREFIX-MISSING', 'W-REGISTER-NUMBERS-SKIPPED', 'W-DOCNO-NON-MONOTONIC']);
    expect(results[2].warnings[2].details).toMatchObject({ neighbour: { number: 1865 } });
    expect(await counterOf(register.id, 2568)).toBe(1882);
  });

  it('a concurrent manual entry and counter issues never collide', async () => {
    const register = await createRegister('race');
    const issues = range(1, 30).map(() => issue(register.id, MID_MARCH_2569));
    const manual = record(register.id, 'ชร ๗๓๕๐๑/๑๕', MID_MARCH_2569).then(
      () => 'entered',
      (error: { code?: string }) => error.code,
    );
    const [outcome] = await Promise.all([manual, ...issues]);
    const numbers = await numbersOf(register.id, 2569);
    expect(new Set(numbers).size).toBe(numbers.length);
    if (outcome === 'entered') expect(numbers).toHaveLength(31);
    else expect(outcome).toBe('REGISTER_NUMBER_TAKEN');
    expect(numbers.at(-1)).toBe(await counterOf(register.id, 2569));
  });

  it('refusals save nothing: wrong format, unknown register, another office’s register', async () => {
    const register = await createRegister('refusals');
    const other = await prisma.register.create({
      data: { officeId: await scratchOffice(prisma), code: 'x', nameTh: 'อื่น', documentKind: 'MEMO', yearKind: 'CALENDAR', format: 'MEMO_STYLE', prefix: 'ชร', officeCode: '73501' },
    });
    await expect(record(register.id, 'มาตรา 3/1', MID_MARCH_2569)).rejects.toMatchObject({ code: 'REGISTER_NUMBER_MALFORMED', httpStatus: 400 });
    await expect(record(register.id, 'ชร ๗๓๕๐๒/๕', MID_MARCH_2569)).rejects.toMatchObject({ code: 'REGISTER_NUMBER_OFFICE_CODE_MISMATCH' });
    await expect(prisma.$transaction((tx) => numbering.issueNumber(tx, '00000000-0000-4000-8000-000000000000', null, MID_MARCH_2569))).rejects.toMatchObject({
      code: 'REGISTER_NOT_FOUND',
      httpStatus: 404,
    });
    await expect(prisma.$transaction((tx) => numbering.issueNumber(tx, other.id, null, MID_MARCH_2569, { officeId }))).rejects.toMatchObject({ code: 'REGISTER_NOT_FOUND' });
    expect(await prisma.registerEntry.count({ where: { registerId: register.id, year: 2569 } })).toBe(0);
    expect(await prisma.registerCounter.count({ where: { registerId: { in: [register.id, other.id] }, year: 2569 } })).toBe(0);
  });

  it('the demo registers seed idempotently and take the numbers of seeds 001 and 002', async () => {
    const demoOfficeId = await scratchOffice(prisma);
    await prisma.$transaction((tx) => seedDemoRegisters(tx, demoOfficeId));
    await prisma.$transaction((tx) => seedDemoRegisters(tx, demoOfficeId));
    const registers = await prisma.register.findMany({ where: { officeId: demoOfficeId }, orderBy: { code: 'asc' } });
    expect(registers.map((r) => [r.code, r.format, r.yearKind, r.prefix, r.prefixAliases, r.officeCode])).toEqual([
      ['orders', 'ORDER_STYLE', 'CALENDAR', null, [], null],
      ['outgoing', 'MEMO_STYLE', 'CALENDAR', 'ชร', ['ขร'], '73501'],
    ]);
    const [orders, outgoing] = registers;
    const memo1 = await record(outgoing.id, 'ขร ๗๓๕๐๑/๑๖๕๖', bangkok('2025-10-21T00:00:00'));
    const order = await record(orders.id, 'ที่ ๑๕๒ /๒๕๖๖', bangkok('2023-01-30T00:00:00'));
    expect([memo1.entry.year, memo1.entry.number, order.entry.year, order.entry.number]).toEqual([2568, 1656, 2566, 152]);
  });
});
