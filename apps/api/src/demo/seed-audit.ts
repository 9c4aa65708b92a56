import type { Prisma } from '@prisma/client';
import { ChainedAuditLog, SYSTEM_ACTOR } from '@kasian/audit';

/** What the seed changed, as admin changes of the office's trail (a system actor: the seed command). */
export class SeedAudit {
  private readonly log = new ChainedAuditLog();

  constructor(private readonly tx: Prisma.TransactionClient) {}

  async record(officeId: string, action: string, target: { type: string; id: string }, payload: Record<string, unknown>): Promise<void> {
    await this.log.append(this.tx, { officeId, action, actor: SYSTEM_ACTOR, target, occurredAt: new Date(), payload: { ...payload, by: 'seed-demo' } });
  }
}

/** The fields of `wanted` whose stored value differs (an empty object: nothing to change). */
export function changedFields<T extends Record<string, unknown>>(stored: Record<string, unknown>, wanted: T): Partial<T> {
  return Object.fromEntries(Object.entries(wanted).filter(([field, value]) => stored[field] !== value)) as Partial<T>;
}
