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
    const updated = await db.routeInstance.updateMany({
      where: { id: state.id, version: readVersion },
      data: { status: state.status, version: state.version, state: json(state), updatedAt: new Date(state.updatedAt) },
    });
    if (updated.count !== 1) throw new VersionConflictError(readVersion, state.version - 1);
    await this.record(db, state, event);
  }

  private async record(db: Db, state: RouteInstance, event: RouteEvent): Promise<void> {
    await db.routeEvent.create({
      data: { officeId: state.officeId, instanceId: state.id, version: event.version, type: event.type, at: new Date(event.at), event: json(event) },
    });
    await this.rewriteWaiting(db, state, event);
    await db.outboxMessage.create({
      data: {
        officeId: state.officeId,
        topic: `route.${event.type.toLowerCase()}`,
        payload: json({ instanceId: state.id, documentId: state.documentId, version: event.version, status: state.status, waitingOn: waitingOn(state) }),
      },
    });
  }

  /** The inbox index keeps, per route, the addressed positions the open step still waits on and since when. */
  private async rewriteWaiting(db: Db, state: RouteInstance, event: RouteEvent): Promise<void> {
    const stillWaiting = waitingOn(state);
    const stepKey = state.currentStep === null ? null : state.steps[state.currentStep].key;
    const kept = await db.routeWaiting.findMany({ where: { instanceId: state.id, stepKey: stepKey ?? undefined, positionId: { in: stillWaiting } } });
    await db.routeWaiting.deleteMany({ where: { instanceId: state.id, NOT: { positionId: { in: kept.map((k) => k.positionId) } } } });
    const keptIds = new Set(kept.map((k) => k.positionId));
    const opened = state.currentStep === null ? event.at : (state.steps[state.currentStep].openedAt ?? event.at);
    await db.routeWaiting.createMany({
      data: stillWaiting
        .filter((positionId) => !keptIds.has(positionId))
        .map((positionId) => ({ officeId: state.officeId, instanceId: state.id, positionId, stepKey: stepKey!, since: new Date(opened) })),
    });
  }
}
