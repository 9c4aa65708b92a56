import { Injectable } from '@nestjs/common';
import type { Prisma } from '@prisma/client';
import type { Principal } from '@kasian/auth';
import { bangkokDateOf, formatThaiDate } from '@kasian/thai';
import type { Actor, Instant, SignatureSnapshot } from '@kasian/workflow';
import { NotAPersonOfAnOfficeError } from './routing.errors';

type Db = Prisma.TransactionClient;

export interface KnownActor {
  actor: Actor;
  officeId: string;
  person: { id: string; honorific: string | null; rank: string | null; givenName: string; surname: string };
  /** Positions the person holds or acts in at `at`. */
  activePositionIds: string[];
}

/**
 * Turns a verified caller into the workflow core's Actor: the person behind the token subject,
 * their assignments (ดำรงตำแหน่ง / รักษาราชการแทน) and the delegations (ปฏิบัติราชการแทน) made
 * to positions they hold or act in, all as stored in their office.
 */
@Injectable()
export class ActorDirectory {
  async load(db: Db, principal: Principal, at: Date): Promise<KnownActor> {
    const person = await db.person.findUnique({ where: { subject: principal.subject }, include: { assignments: true } });
    if (!person) throw new NotAPersonOfAnOfficeError(principal.subject);
    const active = person.assignments.filter((a) => a.startsAt <= at && (a.endsAt === null || a.endsAt > at));
    const activePositionIds = [...new Set(active.map((a) => a.positionId))];
    const delegations = await db.delegation.findMany({
      where: { officeId: person.officeId, delegatePositionId: { in: activePositionIds } },
    });
    return {
      officeId: person.officeId,
      person,
      activePositionIds,
      actor: {
        personId: person.id,
        assignments: person.assignments.map((a) => ({
          id: a.id,
          positionId: a.positionId,
          capacity: a.capacity,
          startsAt: a.startsAt.toISOString(),
          endsAt: a.endsAt?.toISOString() ?? null,
          orderRef: a.orderRef,
        })),
        delegations: delegations.map((d) => ({
          id: d.id,
          principalPositionId: d.principalPositionId,
          delegatePositionId: d.delegatePositionId,
          scope: {
            ...(d.documentKinds.length ? { documentKinds: d.documentKinds } : {}),
            ...(d.outcomes.length ? { outcomes: d.outcomes as ('positive' | 'neutral' | 'negative')[] } : {}),
          },
          startsAt: d.startsAt.toISOString(),
          endsAt: d.endsAt?.toISOString() ?? null,
          orderRef: d.orderRef,
        })),
      },
    };
  }

  /**
   * The signature block as it would be printed now (§2.5 of the domain notes): a rank on its own
   * line replaces the honorific; acting or delegated capacity is printed under the position title.
   */
  async signature(db: Db, who: KnownActor, positionId: string, capacityLine: string | null, at: Instant): Promise<SignatureSnapshot> {
    const position = await db.position.findUniqueOrThrow({ where: { id: positionId }, include: { unit: true } });
    const { honorific, rank, givenName, surname } = who.person;
    return {
      nameAsPrinted: `(${rank ? '' : (honorific ?? '')}${givenName} ${surname})`,
      rankLine: rank,
      positionTitleAsPrinted: capacityLine ? `${position.titleTh}\n${capacityLine}` : position.titleTh,
      unitName: position.unit?.nameTh ?? null,
      dateTextBE: formatThaiDate(bangkokDateOf(new Date(at)), 'full'),
    };
  }
}
