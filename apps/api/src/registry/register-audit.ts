import type { Register } from '@prisma/client';

export interface AuditedChange {
  action: string;
  target: { type: string; id: string };
  at: Date;
  payload: Record<string, unknown>;
}

type EntryFields = { id: string; year: number; number: number; numberText: string; documentId: string | null; subject: string | null; source: string };

/** The audit record of a register entry being issued, entered or cancelled: the entry as the target, the register and number in the payload. */
export function entryChange(action: string, register: Register, entry: EntryFields, at: Date): AuditedChange {
  return {
    action,
    target: { type: 'register_entry', id: entry.id },
    at,
    payload: { registerId: register.id, registerCode: register.code, year: entry.year, number: entry.number, numberText: entry.numberText, documentId: entry.documentId, subject: entry.subject, source: entry.source },
  };
}
