import { Injectable } from '@nestjs/common';
import type { AssignmentCapacity } from '@prisma/client';
import type { Principal } from '@kasian/auth';
import type { SqlExecutor } from '@kasian/database';
import { NotFoundError } from '@kasian/errors';
import { bangkokDateOf, formatThaiDate } from '@kasian/thai';
import type { Actor, Instant, SignatureSnapshot } from '@kasian/workflow';
import { NotAPersonOfAnOfficeError } from '../identity/identity.errors';
import type { LockedRoute } from './route.repository';

const LOAD_PERSON = `
  SELECT p.id, p.office_id AS "officeId", p.honorific, p.rank, p.given_name AS "givenName", p.surname,
         COALESCE((SELECT json_agg(json_build_object(
                    'id', a.id, 'positionId', a.position_id, 'capacity', a.capacity, 'startsAt', a.starts_at, 'endsAt', a.ends_at, 'orderRef', a.order_ref,
                    'titleTh', pos.title_th, 'unitName', u.name_th
                  ) ORDER BY a.starts_at, a.id)
                     FROM position_assignments a JOIN positions pos ON pos.id = a.position_id LEFT JOIN units u ON u.id = pos.unit_id
                    WHERE a.person_id = p.id), '[]') AS assignments,
         COALESCE((SELECT json_agg(json_build_object(
                    'id', d.id, 'principalPositionId', d.principal_position_id, 'delegatePositionId', d.delegate_position_id,
                    'documentKinds', d.document_kinds::text[], 'outcomes', d.outcomes::text[], 'orderRef', d.order_ref,
                    'startsAt', d.starts_at, 'endsAt', d.ends_at
                  ) ORDER BY d.id)
                     FROM delegations d
                    WHERE d.office_id = p.office_id
                      AND d.delegate_position_id IN (SELECT a.position_id FROM position_assignments a WHERE a.person_id = p.id)), '[]') AS delegations
    FROM people p
   WHERE p.subject = $1`;

/**
 * The same person row and, in the same statement, the document's route in the person's office,
 * locked as `RouteRepository.lockByDocument` locks it (one round trip less on every route action).
 */
const LOAD_PERSON_LOCKING_ROUTE = `
  WITH person AS (${LOAD_PERSON}),
  locked AS (
    SELECT r.id, r.version, r.state FROM route_instances r
     WHERE r.office_id = (SELECT "officeId" FROM person) AND r.document_id = $2::uuid
       FOR UPDATE
  )
  SELECT person.*, (SELECT json_build_object('id', locked.id, 'version', locked.version, 'state', locked.state) FROM locked) AS route
    FROM person`;

export interface KnownActor {
  actor: Actor;
  officeId: string;
  person: { id: string; honorific: string | null; rank: string | null; givenName: string; surname: string };
  /** Positions the person holds or acts in at `at`. */
  activePositionIds: string[];
  /** Title and unit of every position the person was ever assigned to, read with the person (saves a round trip per signature). */
  positions: ReadonlyMap<string, PositionLabel>;
}

export interface PositionLabel {
  titleTh: string;
  unitName: string | null;
}

/**
 * A signature block as printed (§2.5 of the domain notes): a rank on its own line replaces the
 * honorific; an acting or delegated capacity is printed under the position title.
 */
export function signatureBlock(person: Omit<KnownActor['person'], 'id'>, position: PositionLabel, capacityLine: string | null, at: Instant): SignatureSnapshot {
  const { honorific, rank, givenName, surname } = person;
  return {
    nameAsPrinted: `(${rank ? '' : (honorific ?? '')}${givenName} ${surname})`,
    rankLine: rank,
    positionTitleAsPrinted: capacityLine ? `${position.titleTh}\n${capacityLine}` : position.titleTh,
    unitName: position.unitName,
    dateTextBE: formatThaiDate(bangkokDateOf(new Date(at)), 'full'),
  };
}

/**
 * Turns a verified caller into the workflow core's Actor: the person behind the token subject,
 * their assignments (ดำรงตำแหน่ง / รักษาราชการแทน) and the delegations (ปฏิบัติราชการแทน) made
 * to positions they hold or act in, all as stored in their office.
 */
@Injectable()
export class ActorDirectory {
  /** One round trip: the person, their assignments and the delegations to any position they were ever assigned. */
  async load(sql: SqlExecutor, principal: Principal, at: Date): Promise<KnownActor> {
    const [person] = await sql.query<PersonRow>(LOAD_PERSON, [principal.subject], 'actor.load');
    if (!person) throw new NotAPersonOfAnOfficeError(principal.subject);
    return knownActorOf(person, at);
  }

  /**
   * `load`, then the document's route in the caller's office locked for the rest of the
   * transaction (null when there is none), both in one round trip.
   */
  async loadLockingRoute(sql: SqlExecutor, principal: Principal, at: Date, documentId: string): Promise<{ known: KnownActor; locked: LockedRoute | null }> {
    const [person] = await sql.query<PersonRow & { route: LockedRoute | null }>(LOAD_PERSON_LOCKING_ROUTE, [principal.subject, documentId], 'actor.load-locking-route');
    if (!person) throw new NotAPersonOfAnOfficeError(principal.subject);
    return { known: knownActorOf(person, at), locked: person.route };
  }

  /**
   * The signature block as it would be printed now (§2.5 of the domain notes): a rank on its own
   * line replaces the honorific; acting or delegated capacity is printed under the position title.
   */
  async signature(sql: SqlExecutor, who: KnownActor, positionId: string, capacityLine: string | null, at: Instant): Promise<SignatureSnapshot> {
    const position = who.positions.get(positionId) ?? (await this.position(sql, positionId));
    return signatureBlock(who.person, position, capacityLine, at);
  }

  private async position(sql: SqlExecutor, positionId: string): Promise<PositionLabel> {
    const [position] = await sql.query<PositionLabel>(
      `SELECT p.title_th AS "titleTh", u.name_th AS "unitName" FROM positions p LEFT JOIN units u ON u.id = p.unit_id WHERE p.id = $1::uuid`,
      [positionId],
      'actor.signature-position',
    );
    if (!position) throw new NotFoundError('Position', 'ตำแหน่ง', positionId);
    return position;
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
  assignments: {
    id: string;
    positionId: string;
    capacity: AssignmentCapacity;
    startsAt: string;
    endsAt: string | null;
    orderRef: string | null;
    titleTh: string;
    unitName: string | null;
  }[];
  delegations: DelegationRow[];
}

interface DelegationRow {
  id: string;
  principalPositionId: string;
  delegatePositionId: string;
  documentKinds: string[];
  outcomes: string[];
  orderRef: string;
  startsAt: string;
  endsAt: string | null;
}

type Assignment = Actor['assignments'][number];

function knownActorOf(person: PersonRow, at: Date): KnownActor {
  const assignments = person.assignments.map(assignmentOf);
  const active = assignments.filter((a) => isActive(a, at));
  const activePositionIds = [...new Set(active.map((a) => a.positionId))];
  const delegations = person.delegations.filter((d) => activePositionIds.includes(d.delegatePositionId));
  const { id, honorific, rank, givenName, surname } = person;
  return {
    officeId: person.officeId,
    person: { id, honorific, rank, givenName, surname },
    activePositionIds,
    positions: new Map(person.assignments.map((a) => [a.positionId, { titleTh: a.titleTh, unitName: a.unitName }])),
    actor: { personId: person.id, assignments, delegations: delegations.map(delegationOf) },
  };
}

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
    startsAt: new Date(d.startsAt).toISOString(),
    endsAt: d.endsAt === null ? null : new Date(d.endsAt).toISOString(),
    orderRef: d.orderRef,
  };
}
