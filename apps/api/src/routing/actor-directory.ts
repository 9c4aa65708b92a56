import { Injectable } from '@nestjs/common';
import type { AssignmentCapacity, Prisma } from '@prisma/client';
import type { Principal } from '@kasian/auth';
import { NotFoundError } from '@kasian/errors';
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
    const [person] = await db.$queryRaw<PersonRow[]>`
      SELECT p.id, p.office_id AS "officeId", p.honorific, p.rank, p.given_name AS "givenName", p.surname,
             COALESCE(json_agg(json_build_object(
               'id', a.id, 'positionId', a.position_id, 'capacity', a.capacity, 'startsAt', a.starts_at, 'endsAt', a.ends_at, 'orderRef', a.order_ref
             ) ORDER BY a.starts_at, a.id) FILTER (WHERE a.id IS NOT NULL), '[]') AS assignments
        FROM people p LEFT JOIN position_assignments a ON a.person_id = p.id
       WHERE p.subject = ${principal.subject}
       GROUP BY p.id`;
    if (!person) throw new NotAPersonOfAnOfficeError(principal.subject);
    const assignments = person.assignments.map(assignmentOf);
    const active = assignments.filter((a) => isActive(a, at));
    const activePositionIds = [...new Set(active.map((a) => a.positionId))];
    const delegations = await db.$queryRaw<DelegationRow[]>`
      SELECT id, principal_position_id AS "principalPositionId", delegate_position_id AS "delegatePositionId",
             document_kinds::text[] AS "documentKinds", outcomes::text[] AS outcomes, order_ref AS "orderRef", starts_at AS "startsAt", ends_at AS "endsAt"
        FROM delegations
       WHERE office_id = ${person.officeId}::uuid AND delegate_position_id = ANY(${activePositionIds}::uuid[])`;
    const { id, honorific, rank, givenName, surname } = person;
    return {
      officeId: person.officeId,
      person: { id, honorific, rank, givenName, surname },
      activePositionIds,
      actor: { personId: person.id, assignments, delegations: delegations.map(delegationOf) },
    };
  }

  /**
   * The signature block as it would be printed now (§2.5 of the domain notes): a rank on its own
   * line replaces the honorific; acting or delegated capacity is printed under the position title.
   */
  async signature(db: Db, who: KnownActor, positionId: string, capacityLine: string | null, at: Instant): Promise<SignatureSnapshot> {
    const [position] = await db.$queryRaw<{ titleTh: string; unitName: string | null }[]>`
      SELECT p.title_th AS "titleTh", u.name_th AS "unitName" FROM positions p LEFT JOIN units u ON u.id = p.unit_id WHERE p.id = ${positionId}::uuid`;
    if (!position) throw new NotFoundError('Position', 'ตำแหน่ง', positionId);
    const { honorific, rank, givenName, surname } = who.person;
    return {
      nameAsPrinted: `(${rank ? '' : (honorific ?? '')}${givenName} ${surname})`,
      rankLine: rank,
      positionTitleAsPrinted: capacityLine ? `${position.titleTh}\n${capacityLine}` : position.titleTh,
      unitName: position.unitName,
      dateTextBE: formatThaiDate(bangkokDateOf(new Date(at)), 'full'),
    };
  }
}

interface PersonRow {
  id: string;
  officeId: string;
  honorific: string | null;
  rank: string | null;
  givenName: string;
  surname: string;
  /** Timestamps arrive as JSON text. */
  assignments: { id: string; positionId: string; capacity: AssignmentCapacity; startsAt: string; endsAt: string | null; orderRef: string | null }[];
}

interface DelegationRow {
  id: string;
  principalPositionId: string;
  delegatePositionId: string;
  documentKinds: string[];
  outcomes: string[];
  orderRef: string;
  startsAt: Date;
  endsAt: Date | null;
}

type Assignment = Actor['assignments'][number];

function assignmentOf(row: PersonRow['assignments'][number]): Assignment {
  return {
    id: row.id,
    positionId: row.positionId,
    capacity: row.capacity,
    startsAt: new Date(row.startsAt).toISOString(),
    endsAt: row.endsAt === null ? null : new Date(row.endsAt).toISOString(),
    orderRef: row.orderRef,
  };
}

function isActive(assignment: Assignment, at: Date): boolean {
  return new Date(assignment.startsAt) <= at && (assignment.endsAt === null || new Date(assignment.endsAt) > at);
}

function delegationOf(d: DelegationRow): Actor['delegations'][number] {
  return {
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
  };
}
