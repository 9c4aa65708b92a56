import { Injectable } from '@nestjs/common';
import type { Prisma } from '@prisma/client';
import { type RouteEvent, type RouteInstance, waitingOn } from '@kasian/workflow';
import { VersionConflictError } from './routing.errors';

type Db = Prisma.TransactionClient;

export interface LockedRoute {
  id: string;
  version: number;
  state: RouteInstance;
}

const json = (value: unknown) => JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue;

/** Route instances, their events, the inbox index and the outbox, always written together. */
@Injectable()
export class RouteRepository {
  /**
   * Locks the document's route for the rest of the transaction, so concurrent actions on one
   * route queue and each sees the state the previous one left (different routes never wait).
   */
  async lockByDocument(db: Db, officeId: string, documentId: string): Promise<LockedRoute | null> {
    const rows = await db.$queryRaw<LockedRoute[]>`
      SELECT id, version, state FROM route_instances
       WHERE office_id = ${officeId}::uuid AND document_id = ${documentId}::uuid
       FOR UPDATE`;
    return rows[0] ?? null;
  }

  async insert(db: Db, state: RouteInstance, templateId: string, event: RouteEvent): Promise<void> {
    await db.routeInstance.create({
      data: {
        id: state.id,
        officeId: state.officeId,
        documentId: state.documentId,
        templateId,
        templateVersion: state.template.version,
        status: state.status,
        version: state.version,
        state: json(state),
        updatedAt: new Date(state.updatedAt),
      },
    });
    await this.record(db, state, event);
  }

  /** Optimistic check on the version column: a state computed from an older version is refused. */
  async save(db: Db, readVersion: number, state: RouteInstance, event: RouteEvent): Promise<void> {
    const updated = await db.$executeRaw`
      UPDATE route_instances
         SET status = ${state.status}, version = ${state.version}, state = ${JSON.stringify(state)}::jsonb, updated_at = ${new Date(state.updatedAt)}
       WHERE id = ${state.id}::uuid AND version = ${readVersion}`;
    if (updated !== 1) throw new VersionConflictError(readVersion, state.version - 1);
    await this.record(db, state, event);
  }

  /** The event and its outbox message in one statement, then the inbox index. */
  private async record(db: Db, state: RouteInstance, event: RouteEvent): Promise<void> {
    const outbox = { instanceId: state.id, documentId: state.documentId, version: event.version, status: state.status, waitingOn: waitingOn(state) };
    await db.$executeRaw`
      WITH recorded AS (
        INSERT INTO route_events (office_id, instance_id, version, type, at, event)
        VALUES (${state.officeId}::uuid, ${state.id}::uuid, ${event.version}, ${event.type}, ${new Date(event.at)}, ${JSON.stringify(event)}::jsonb)
      )
      INSERT INTO outbox_messages (office_id, topic, payload)
      VALUES (${state.officeId}::uuid, ${`route.${event.type.toLowerCase()}`}, ${JSON.stringify(outbox)}::jsonb)`;
    await this.rewriteWaiting(db, state, event);
  }

  /**
   * The inbox index keeps, per route, the addressed positions the open step still waits on and
   * since when: rows of another step or of positions no longer waited on go, new ones come in,
   * and rows that stay keep their `since`.
   */
  private async rewriteWaiting(db: Db, state: RouteInstance, event: RouteEvent): Promise<void> {
    const stillWaiting = waitingOn(state);
    const stepKey = state.currentStep === null ? null : state.steps[state.currentStep].key;
    await db.$executeRaw`
      DELETE FROM route_waiting
       WHERE instance_id = ${state.id}::uuid
         AND NOT (step_key IS NOT DISTINCT FROM ${stepKey} AND position_id = ANY(${stillWaiting}::uuid[]))`;
    if (!stillWaiting.length) return;
    const opened = state.currentStep === null ? event.at : (state.steps[state.currentStep].openedAt ?? event.at);
    await db.$executeRaw`
      INSERT INTO route_waiting (office_id, instance_id, position_id, step_key, since)
      SELECT ${state.officeId}::uuid, ${state.id}::uuid, position_id, ${stepKey}, ${new Date(opened)}
        FROM unnest(${stillWaiting}::uuid[]) AS position_id
      ON CONFLICT (instance_id, position_id) DO NOTHING`;
  }
}
