import type { Capacity } from './authority';
import type { RouteInstance, RouteStatus, SignatureSnapshot } from './instance';
import type { Outcome } from './template';
import type { Instant } from './time';

export type RouteEventType = 'CREATED' | 'SUBMITTED' | 'DECIDED' | 'RETURNED' | 'REJECTED' | 'RECALLED' | 'RESUBMITTED' | 'CANCELLED';

/**
 * The one record of an accepted action. Flat and self-contained so that the audit row, the
 * outbox message and the route timeline can all be read from it. (instanceId, version) is unique.
 */
export interface RouteEvent {
  readonly type: RouteEventType;
  readonly instanceId: string;
  readonly officeId: string;
  readonly documentId: string;
  /** The instance version after the action. */
  readonly version: number;
  readonly round: number;
  readonly at: Instant;
  /** The step acted on, if any. */
  readonly stepIndex: number | null;
  readonly stepKey: string | null;
  readonly actorPersonId: string;
  /** The position the actor acted in (for the drafter: their own position). */
  readonly actingPositionId: string | null;
  /** The addressed position the action was taken for; never rewritten by acting or delegation. */
  readonly onBehalfOfPositionId: string | null;
  readonly capacity: Capacity | null;
  readonly orderRef: string | null;
  readonly grantId: string | null;
  readonly word: string | null;
  readonly outcome: Outcome | null;
  readonly comment: string | null;
  readonly reason: string | null;
  /** RETURNED: "DRAFTER" or the key of the step the document went back to. */
  readonly returnedTo: string | null;
  readonly signature: SignatureSnapshot | null;
  readonly documentVersionId: string;
  readonly documentHash: string;
  /** Where the route stands after the action. */
  readonly status: RouteStatus;
  readonly currentStepKey: string | null;
  /** Optional steps passed over as a consequence of this action. */
  readonly skippedStepKeys: readonly string[];
}

export type EventDetails = Partial<Omit<RouteEvent, 'instanceId' | 'officeId' | 'documentId' | 'version' | 'round' | 'status' | 'currentStepKey' | 'documentVersionId' | 'documentHash'>> &
  Pick<RouteEvent, 'type' | 'at' | 'actorPersonId'>;

/** Builds the event from the state after the action, so the two can never disagree. */
export function eventOf(next: RouteInstance, details: EventDetails): RouteEvent {
  return {
    stepIndex: null,
    stepKey: null,
    actingPositionId: null,
    onBehalfOfPositionId: null,
    capacity: null,
    orderRef: null,
    grantId: null,
    word: null,
    outcome: null,
    comment: null,
    reason: null,
    returnedTo: null,
    signature: null,
    skippedStepKeys: [],
    ...details,
    instanceId: next.id,
    officeId: next.officeId,
    documentId: next.documentId,
    version: next.version,
    round: next.round,
    documentVersionId: next.document.versionId,
    documentHash: next.document.hash,
    status: next.status,
    currentStepKey: next.currentStep === null ? null : next.steps[next.currentStep].key,
  };
}
