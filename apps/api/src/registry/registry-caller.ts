import type { AuditActor } from '@kasian/audit';
import type { Principal } from '@kasian/auth';
import type { PrismaService } from '@kasian/database';
import { RegistryCallerNotInOfficeError } from './registry.errors';

export interface RegistryCaller {
  officeId: string;
  personId: string;
  subject: string;
}

/** Registers belong to the caller's office, found through the caller's person. */
export async function registryCaller(prisma: PrismaService, principal: Principal): Promise<RegistryCaller> {
  const person = await prisma.person.findUnique({ where: { subject: principal.subject }, select: { id: true, officeId: true } });
  if (!person) throw new RegistryCallerNotInOfficeError(principal.subject);
  return { officeId: person.officeId, personId: person.id, subject: principal.subject };
}

export function auditActor(caller: RegistryCaller): AuditActor {
  return { subject: caller.subject, personId: caller.personId, positionId: null, onBehalfOfPositionId: null, orderRef: null };
}
