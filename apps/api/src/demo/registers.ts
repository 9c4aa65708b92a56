import type { DocumentKind, Prisma, RegisterFormat, RegisterYearKind } from '@prisma/client';
import { demoOffice } from './patueng';
import { SeedAudit } from './seed-audit';

export interface DemoRegister {
  code: string;
  nameTh: string;
  documentKind: DocumentKind;
  yearKind: RegisterYearKind;
  format: RegisterFormat;
  prefix: string | null;
  prefixAliases: string[];
  officeCode: string | null;
}

/**
 * The demo office's registers (ADR 0009). Memo numbers of seed 001 reset per calendar year
 * (domain.md §5.6: …/๑๗๓๒ of 11 Oct 2567 is higher than …/๑๕๕๘ of Aug 2568) and print ขร as
 * well as ชร (I-4). The order register's year kind is not stated in seed 002; CALENDAR by the
 * records regulation.
 */
export const demoRegisters: DemoRegister[] = [
  {
    code: 'outgoing',
    nameTh: 'ทะเบียนหนังสือส่ง',
    documentKind: 'MEMO',
    yearKind: 'CALENDAR',
    format: 'MEMO_STYLE',
    prefix: demoOffice.docPrefix,
    prefixAliases: ['ขร'],
    officeCode: demoOffice.docOfficeCode,
  },
  { code: 'orders', nameTh: 'ทะเบียนคำสั่ง', documentKind: 'ORDER', yearKind: 'CALENDAR', format: 'ORDER_STYLE', prefix: null, prefixAliases: [], officeCode: null },
];

/** Creates the demo registers the office lacks; existing ones (and their settings) are the office's own. */
export async function seedDemoRegisters(tx: Prisma.TransactionClient, officeId: string): Promise<void> {
  const audit = new SeedAudit(tx);
  for (const register of demoRegisters) {
    if (await tx.register.findUnique({ where: { officeId_code: { officeId, code: register.code } } })) continue;
    const created = await tx.register.create({ data: { officeId, ...register } });
    await audit.record(officeId, 'register.created', { type: 'register', id: created.id }, { ...register });
  }
}
