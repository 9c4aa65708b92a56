import type { Outcome } from './template';
import { type Instant, isActiveAt } from './time';

/**
 * A row of PositionAssignment as the core sees it. SUBSTANTIVE = ดำรงตำแหน่ง;
 * ACTING = รักษาราชการแทน (acts in the post, vacant or holder absent, under an order).
 */
export interface Assignment {
  readonly id: string;
  readonly positionId: string;
  readonly capacity: 'SUBSTANTIVE' | 'ACTING';
  readonly startsAt: Instant;
  readonly endsAt: Instant | null;
  readonly orderRef: string | null;
}

/** The class of decisions a ปฏิบัติราชการแทน order hands over; an absent list means "all". */
export interface DelegationScope {
  readonly documentKinds?: readonly string[];
  readonly outcomes?: readonly Outcome[];
}

/**
 * ปฏิบัติราชการแทน: the principal position hands a class of its decisions to a delegate
 * position, standing, under an order. Whoever holds (or acts in) the delegate position may use it.
 * Delegations do not chain: a delegate cannot pass the power on.
 */
export interface Delegation {
  readonly id: string;
  readonly principalPositionId: string;
  readonly delegatePositionId: string;
  readonly scope: DelegationScope;
  readonly startsAt: Instant;
  readonly endsAt: Instant | null;
  readonly orderRef: string;
}

/** A person about to act, with the assignments and delegations the caller loaded for them. */
export interface Actor {
  readonly personId: string;
  readonly assignments: readonly Assignment[];
  readonly delegations: readonly Delegation[];
}

export type Capacity = 'HOLDER' | 'ACTING' | 'DELEGATED';

/** How an actor may act for an addressed position. The addressee itself is never replaced. */
export interface Authority {
  /** The addressed position: the decision is on its behalf. */
  readonly onBehalfOfPositionId: string;
  /** The position the actor acts in: the addressee itself, or the delegate position. */
  readonly actingPositionId: string;
  readonly capacity: Capacity;
  readonly orderRef: string | null;
  /** The assignment or delegation that grants the power. */
  readonly grantId: string;
}

export interface DecisionClass {
  readonly documentKind: string;
  /** Unknown while only asking "could they act here at all" (the inbox). */
  readonly outcome?: Outcome;
}

/**
 * Resolves the one authority an actor has for a position at an instant.
 * Rule for overlaps: holding the post beats acting in it, which beats a delegation;
 * among grants of the same kind the most recently started wins, then the smallest id.
 */
export function resolveAuthority(actor: Actor, positionId: string, at: Instant, decision: DecisionClass): Authority | null {
  const active = actor.assignments.filter((a) => isActiveAt(a.startsAt, a.endsAt, at));
  const own = (capacity: Assignment['capacity']) =>
    newestFirst(active.filter((a) => a.positionId === positionId && a.capacity === capacity))[0];
  const holder = own('SUBSTANTIVE');
  if (holder) return fromAssignment(holder, 'HOLDER');
  const acting = own('ACTING');
  if (acting) return fromAssignment(acting, 'ACTING');
  const heldPositions = new Set(active.map((a) => a.positionId));
  const delegation = newestFirst(
    actor.delegations.filter(
      (d) =>
        d.principalPositionId === positionId &&
        heldPositions.has(d.delegatePositionId) &&
        isActiveAt(d.startsAt, d.endsAt, at) &&
        covers(d.scope, decision),
    ),
  )[0];
  return delegation ? fromDelegation(delegation) : null;
}

export function covers(scope: DelegationScope, decision: DecisionClass): boolean {
  const kindOk = scope.documentKinds === undefined || scope.documentKinds.includes(decision.documentKind);
  const outcomeOk = scope.outcomes === undefined || decision.outcome === undefined || scope.outcomes.includes(decision.outcome);
  return kindOk && outcomeOk;
}

function newestFirst<T extends { readonly id: string; readonly startsAt: Instant }>(grants: readonly T[]): T[] {
  return [...grants].sort((a, b) => Date.parse(b.startsAt) - Date.parse(a.startsAt) || (a.id < b.id ? -1 : 1));
}

function fromAssignment(a: Assignment, capacity: 'HOLDER' | 'ACTING'): Authority {
  return { onBehalfOfPositionId: a.positionId, actingPositionId: a.positionId, capacity, orderRef: a.orderRef, grantId: a.id };
}

function fromDelegation(d: Delegation): Authority {
  return {
    onBehalfOfPositionId: d.principalPositionId,
    actingPositionId: d.delegatePositionId,
    capacity: 'DELEGATED',
    orderRef: d.orderRef,
    grantId: d.id,
  };
}
