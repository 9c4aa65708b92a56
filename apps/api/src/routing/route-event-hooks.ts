import { Injectable } from '@nestjs/common';
import type { Principal } from '@kasian/auth';
import type { SqlExecutor } from '@kasian/database';
import type { RouteEvent, RouteInstance } from '@kasian/workflow';

/** What another room does when a route of its document kind moves, inside the action's transaction. */
export type RouteEventHook = (sql: SqlExecutor, event: RouteEvent, request: { principal: Principal; requestId?: string }) => Promise<void>;

/**
 * Lets a room react to its documents' routes without routing knowing the room (the ITA report is
 * published when the executive approves it, ADR 0013). Hooks run after the route's own writes and
 * audit event, in the same transaction: a hook that throws rolls the action back. Kinds without
 * hooks cost one map lookup.
 */
@Injectable()
export class RouteEventHooks {
  private readonly byKind = new Map<string, RouteEventHook[]>();

  on(documentKind: string, hook: RouteEventHook): void {
    this.byKind.set(documentKind, [...(this.byKind.get(documentKind) ?? []), hook]);
  }

  async run(sql: SqlExecutor, state: RouteInstance, event: RouteEvent, request: { principal: Principal; requestId?: string }): Promise<void> {
    for (const hook of this.byKind.get(state.template.documentKind) ?? []) await hook(sql, event, request);
  }
}
