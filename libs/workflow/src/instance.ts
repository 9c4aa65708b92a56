import type { Authority } from './authority';
import type { DocumentFields } from './conditions';
import type { Outcome, RouteTemplate } from './template';
import type { Instant } from './time';

/** DRAFT → IN_ROUTE ⇄ RETURNED (ส่งคืนแก้ไข / ดึงคืน) → COMPLETED | REJECTED | CANCELLED. */
export type RouteStatus = 'DRAFT' | 'IN_ROUTE' | 'RETURNED' | 'COMPLETED' | 'REJECTED' | 'CANCELLED';

export const FINISHED: readonly RouteStatus[] = ['COMPLETED', 'REJECTED', 'CANCELLED'];

export type StepStatus = 'PENDING' | 'OPEN' | 'DONE' | 'SKIPPED' | 'REJECTED';

export interface DocumentVersion {
  readonly versionId: string;
  /** Content hash of the rendered version, as computed by the caller. */
  readonly hash: string;
  /** The fields step conditions read. */
  readonly fields: DocumentFields;
}

/** The signature block as printed at decision time, stored as given so later renames never rewrite it. */
export interface SignatureSnapshot {
  /** e.g. "(นายณัฐกรณ์ ใจรังสี)" or "(กิตติชัย เจริญยิ่ง)". */
  readonly nameAsPrinted: string;
  /** A rank printed on its own line, e.g. "ร้อยโท". */
  readonly rankLine: string | null;
  /** e.g. "ปลัดองค์การบริหารส่วนตำบลป่าตึง", including any capacity line such as "รักษาราชการแทน…". */
  readonly positionTitleAsPrinted: string;
  readonly unitName: string | null;
  /** Buddhist-era date as printed, e.g. "๒๑ ตุลาคม ๒๕๖๘". */
  readonly dateTextBE: string;
}

export interface Decision {
  readonly personId: string;
  readonly authority: Authority;
  readonly word: string;
  readonly outcome: Outcome;
  readonly comment: string | null;
  readonly signature: SignatureSnapshot;
  readonly documentVersionId: string;
  readonly documentHash: string;
  readonly at: Instant;
}

export interface StepState {
  readonly key: string;
  readonly status: StepStatus;
  /** Decisions of the current pass through this step; earlier passes live in the event log. */
  readonly decisions: readonly Decision[];
  readonly openedAt: Instant | null;
}

/** Why the document is with the drafter while RETURNED. */
export interface ReturnInfo {
  readonly kind: 'RETURNED' | 'RECALLED';
  readonly fromStepIndex: number;
  readonly personId: string;
  readonly reason: string | null;
}

/** The decision that its author may still withdraw (ดึงคืน) because nothing has happened since. */
export interface RecallableDecision {
  readonly stepIndex: number;
  readonly personId: string;
  readonly positionId: string;
}

export interface RouteInstance {
  readonly id: string;
  readonly officeId: string;
  readonly documentId: string;
  /** The template version the instance started with, kept whole. */
  readonly template: RouteTemplate;
  readonly drafter: { readonly personId: string; readonly positionId: string };
  readonly status: RouteStatus;
  /** 0 while DRAFT; 1 after submit; +1 per resubmission. */
  readonly round: number;
  readonly document: DocumentVersion;
  readonly currentStep: number | null;
  readonly steps: readonly StepState[];
  readonly returned: ReturnInfo | null;
  readonly recallable: RecallableDecision | null;
  /** Decisions and returns to a step since the last (re)submission; the drafter may recall only at 0. */
  readonly actionsSinceSubmit: number;
  /** Set by the first decision, return or rejection; cancelling is refused from then on. */
  readonly everDecided: boolean;
  /** Optimistic-concurrency counter: every accepted action adds exactly one. */
  readonly version: number;
  readonly createdAt: Instant;
  readonly updatedAt: Instant;
}

export function isFinished(state: RouteInstance): boolean {
  return FINISHED.includes(state.status);
}

export function pendingStep(key: string): StepState {
  return { key, status: 'PENDING', decisions: [], openedAt: null };
}
