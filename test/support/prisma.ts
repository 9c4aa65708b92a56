import { randomUUID } from 'node:crypto';
import { PrismaService, SqlTransactions } from '@kasian/database';
import { e2eDatabaseUrl } from './environment';

/** A real Prisma client on the end-to-end database. */
export function e2ePrisma(): PrismaService {
  return new PrismaService({ DATABASE_URL: e2eDatabaseUrl(), DATABASE_POOL_SIZE: 20 });
}

/** Plain `pg` transactions on the end-to-end database. */
export function e2eSql(): SqlTransactions {
  return new SqlTransactions({ DATABASE_URL: e2eDatabaseUrl(), DATABASE_POOL_SIZE: 20 });
}

/** An office of its own, so a test's per-office counters start from nothing. */
export async function scratchOffice(prisma: PrismaService): Promise<string> {
  const office = await prisma.office.create({
    data: { code: `t-${randomUUID().slice(0, 12)}`, kind: 'SUBDISTRICT_MUNICIPALITY', nameTh: 'เทศบาลตำบลทดสอบ' },
  });
  return office.id;
}
