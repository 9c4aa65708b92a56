import { Injectable } from '@nestjs/common';
import type { Principal } from '@kasian/auth';
import { IdentityRepository } from './identity.repository';
import { printedName } from './printed-name';
import type { MeDto, PersonDto } from './me.dto';

@Injectable()
export class IdentityService {
  constructor(private readonly repository: IdentityRepository) {}

  async describe(principal: Principal, now = new Date()): Promise<MeDto> {
    const person = await this.repository.findPersonBySubject(principal.subject, now);
    return {
      subject: principal.subject,
      username: principal.username,
      officeCode: principal.officeCode,
      roles: principal.roles,
      tokenExpiresAt: principal.expiresAt.toISOString(),
      person: person && toPersonDto(person),
    };
  }
}

type LinkedPerson = NonNullable<Awaited<ReturnType<IdentityRepository['findPersonBySubject']>>>;

function toPersonDto(person: LinkedPerson): PersonDto {
  return {
    id: person.id,
    displayNameTh: printedName(person),
    rank: person.rank,
    officeTh: person.office.nameTh,
    positions: person.assignments.map((assignment) => ({
      positionId: assignment.positionId,
      titleTh: assignment.position.titleTh,
      unitTh: assignment.position.unit?.nameTh ?? null,
      capacity: assignment.capacity,
      orderRef: assignment.orderRef,
      since: assignment.startsAt.toISOString(),
      until: assignment.endsAt?.toISOString() ?? null,
    })),
  };
}
