import { Injectable } from '@nestjs/common';
import { AuditPort } from '@kasian/audit';
import type { Principal } from '@kasian/auth';
import { type SqlExecutor, SqlTransactions } from '@kasian/database';
import { NotFoundError } from '@kasian/errors';
import {
  type ActionResult,
  actionableFor,
  type Instant,
  type RouteEvent,
  type RouteInstance,
  type SignatureSnapshot,
} from '@kasian/workflow';
import { CallerOffices } from '../identity/caller-offices';
import { RouteNumbering } from '../registry/route-numbering.service';
import { IdempotencyService, type MutationResult } from '../idempotency/idempotency.service';
import { ActorDirectory, type KnownActor } from './actor-directory';
import type { RouteStateDto } from './dto/route-state.dto';
import { RouteEventHooks } from './route-event-hooks';
import { RouteRepository } from './route.repository';
import { routeStateOf } from './route-views';
import { RouteActionRefusedError, VersionConflictError } from './routing.errors';

export interface ActionRequest {
  principal: Principal;
  documentId: string;
  idempotencyKey?: string;
  requestId?: string;
  /** e.g. "decide": with the document id and body it identifies the request for Idempotency-Key. */
  operation: string;
  body: { expectedVersion?: number; positionId?: string } & Record<string, unknown>;
}

export interface ActionScope {
  sql: SqlExecutor;
  known: KnownActor;
  at: Instant;
  state: RouteInstance;
  /** The signature block for the position the caller would act in at the open step. */
  signature(positionId?: string): Promise<SignatureSnapshot>;
}

/** Without an Idempotency-Key nothing is claimed, so the scope's office is never read: the office is the actor's, loaded in the transaction. */
const UNCLAIMED = '';

/** Signature of an actor the core is about to refuse: never stored, the action fails first. */
const UNSIGNED: SignatureSnapshot = { nameAsPrinted: '', rankLine: null, positionTitleAsPrinted: '', unitName: null, dateTextBE: '' };

/**
 * The one path every route action takes: in one transaction, claim the Idempotency-Key, lock the
 * route, let the workflow core decide, then persist the new state, its single event, the inbox
 * index and the outbox, and append the audit event. A refusal changes nothing.
 */
@Injectable()
export class RouteActionsService {
  constructor(
    private readonly sql: SqlTransactions,
    private readonly idempotency: IdempotencyService,
    private readonly directory: ActorDirectory,
    private readonly routes: RouteRepository,
    private readonly audit: AuditPort,
    private readonly offices: CallerOffices,
    private readonly hooks: RouteEventHooks,
    private readonly numbering: RouteNumbering,
  ) {}

  async perform(request: ActionRequest, apply: (scope: ActionScope) => Promise<ActionResult> | ActionResult) {
    const scope = {
      officeId: request.idempotencyKey ? await this.officeOf(request.principal) : UNCLAIMED,
      subject: request.principal.subject,
      key: request.idempotencyKey,
      operation: request.operation,
      request: { documentId: request.documentId, body: request.body },
    };
    return this.idempotency.runSql<RouteStateDto>(scope, async (sql) => {
      const now = new Date();
      const { known, locked } = await this.directory.loadLockingRoute(sql, request.principal, now, request.documentId);
      if (!locked) throw new NotFoundError('Document', 'เอกสาร', request.documentId);
      const { expectedVersion } = request.body;
      if (expectedVersion !== undefined && expectedVersion !== locked.version) throw new VersionConflictError(expectedVersion, locked.version);
      const at = now.toISOString();
      const result = await apply({ sql, known, at, state: locked.state, signature: (positionId) => this.signature(sql, known, locked.state, at, positionId) });
      if (!result.ok) throw new RouteActionRefusedError(result.error);
      await this.routes.save(sql, locked.version, result.state, result.event);
      // Sign-off (or a reserving submission) numbers the document before any audit append: counter row, then audit head (ADR 0009, 0011).
      const numbered = await this.numbering.number(sql, result.event);
      await this.appendAudit(sql, result.event, request);
      if (numbered) await this.numbering.record(sql, numbered, result.event, request);
      await this.hooks.run(sql, result.state, result.event, request);
      return { status: 200, body: routeStateOf(result.state) } satisfies MutationResult<RouteStateDto>;
    });
  }

  async appendAudit(sql: SqlExecutor, event: RouteEvent, request: Pick<ActionRequest, 'principal' | 'requestId'>): Promise<void> {
    await this.audit.enqueue(sql, {
      officeId: event.officeId,
      action: `route.${event.type.toLowerCase()}`,
      actor: {
        subject: request.principal.subject,
        personId: event.actorPersonId,
        positionId: event.actingPositionId,
        onBehalfOfPositionId: event.onBehalfOfPositionId,
        orderRef: event.orderRef,
      },
      target: { type: 'document', id: event.documentId },
      versionHash: event.documentHash,
      requestId: request.requestId ?? null,
      occurredAt: new Date(event.at),
      payload: { ...event },
    });
  }

  async officeOf(principal: Principal): Promise<string> {
    return (await this.offices.of(principal)).officeId;
  }

  private async signature(sql: SqlExecutor, known: KnownActor, state: RouteInstance, at: Instant, positionId?: string): Promise<SignatureSnapshot> {
    const options = actionableFor(state, known.actor, at).filter((o) => !positionId || o.authority.onBehalfOfPositionId === positionId);
    if (options.length !== 1) return UNSIGNED;
    const { authority } = options[0];
    if (authority.capacity === 'HOLDER') return this.directory.signature(sql, known, authority.onBehalfOfPositionId, null, at);
    const addressee = known.positions.get(authority.onBehalfOfPositionId)?.titleTh ?? (await this.positionTitle(sql, authority.onBehalfOfPositionId));
    if (authority.capacity === 'ACTING') {
      const own = known.activePositionIds.find((id) => id !== authority.onBehalfOfPositionId) ?? authority.onBehalfOfPositionId;
      return this.directory.signature(sql, known, own, `รักษาราชการแทน${addressee}`, at);
    }
    return this.directory.signature(sql, known, authority.actingPositionId, `ปฏิบัติราชการแทน${addressee}`, at);
  }

  private async positionTitle(sql: SqlExecutor, positionId: string): Promise<string> {
    const [position] = await sql.query<{ titleTh: string }>(`SELECT title_th AS "titleTh" FROM positions WHERE id = $1::uuid`, [positionId], 'route.position-title');
    if (!position) throw new NotFoundError('Position', 'ตำแหน่ง', positionId);
    return position.titleTh;
  }
}
