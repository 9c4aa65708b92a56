import { Injectable } from '@nestjs/common';
import { AuditPort } from '@kasian/audit';
import type { Principal } from '@kasian/auth';
import type { SqlExecutor } from '@kasian/database';
import type { RouteEvent } from '@kasian/workflow';
import { entryChange } from './register-audit';
import { type IssuedNumber, type NumberingMoment, RegisterNumbering } from './register-numbering.service';

export interface NumberedByRoute extends IssuedNumber {
  moment: NumberingMoment;
}

/**
 * Which route events earn a number (ADR 0011), decided from the event alone so that every other
 * action pays nothing: the action that completes the route approved is the sign-off; a first
 * submission may reserve the number when the document's register says `SUBMIT`.
 */
export function numberingMomentOf(event: Pick<RouteEvent, 'type' | 'status'>): NumberingMoment | null {
  if (event.status === 'COMPLETED') return 'SIGN_OFF';
  if (event.type === 'SUBMITTED') return 'SUBMIT';
  return null;
}

/** The register number a route earns, issued and audited in the route action's own transaction. */
@Injectable()
export class RouteNumbering {
  constructor(
    private readonly numbering: RegisterNumbering,
    private readonly audit: AuditPort,
  ) {}

  /** Call before appending any audit event of the transaction: lock order document, counter, audit head (ADR 0009). */
  async number(sql: SqlExecutor, event: RouteEvent): Promise<NumberedByRoute | null> {
    const moment = numberingMomentOf(event);
    if (!moment) return null;
    const issued = await this.numbering.numberForRoute(sql, event.documentId, moment, new Date(event.at));
    return issued && { ...issued, moment };
  }

  /** One `register.number_issued` event, by the person whose action earned the number. */
  async record(sql: SqlExecutor, numbered: NumberedByRoute, event: RouteEvent, request: { principal: Principal; requestId?: string }): Promise<void> {
    const change = entryChange('register.number_issued', numbered.register, numbered.entry, numbered.entry.issuedAt);
    await this.audit.append(sql, {
      officeId: event.officeId,
      action: change.action,
      actor: {
        subject: request.principal.subject,
        personId: event.actorPersonId,
        positionId: event.actingPositionId,
        onBehalfOfPositionId: event.onBehalfOfPositionId,
        orderRef: event.orderRef,
      },
      target: change.target,
      versionHash: event.documentHash,
      requestId: request.requestId ?? null,
      occurredAt: change.at,
      payload: { ...change.payload, issuedAt: numbered.moment, routeEvent: { type: event.type, version: event.version } },
    });
  }
}
