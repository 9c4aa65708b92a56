import type { AuditActor } from '@kasian/audit';
import type { Principal } from '@kasian/auth';
import type { CallerOffices } from '../identity/caller-offices';

export interface RegistryCaller {
  officeId: string;
  personId: string;
  subject: string;
}

/** Registers belong to the caller's office, found through the caller's person. */
export async function registryCaller(offices: CallerOffices, principal: Principal): Promise<RegistryCaller> {
  const { officeId, personId } = await offices.of(principal);
  return { officeId, personId, subject: principal.subject };
}

export function auditActor(caller: RegistryCaller): AuditActor {
  return { subject: caller.subject, personId: caller.personId, positionId: null, onBehalfOfPositionId: null, orderRef: null };
}
