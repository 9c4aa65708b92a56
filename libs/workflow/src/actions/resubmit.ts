import { type DocumentVersion, type RouteInstance, isFinished } from '../instance';
import { accept, openFrom, resetSteps } from '../progress';
import type { ActionResult } from '../result';
import { type ActionContext, isDrafter, refuse } from './common';

export interface Resubmit extends ActionContext {
  /** The revised version; it must differ from the one that was returned. */
  readonly document: DocumentVersion;
}

/** After ส่งคืนแก้ไข or ดึงคืน: resumes at the step the document came back from, or restarts, as the template says. */
export function resubmit(state: RouteInstance, cmd: Resubmit): ActionResult {
  if (isFinished(state)) return refuse('ROUTE_FINISHED', { status: state.status });
  if (state.returned === null) return refuse('NOT_RETURNED', { status: state.status });
  if (!isDrafter(state, cmd.actor)) return refuse('NOT_DRAFTER');
  if (cmd.document.versionId === state.document.versionId) return refuse('SAME_DOCUMENT_VERSION', { versionId: cmd.document.versionId });
  const from = state.template.onResubmit === 'RESTART' ? 0 : state.returned.fromStepIndex;
  const revised = { ...state, document: cmd.document, round: state.round + 1 };
  const opened = openFrom(revised, resetSteps(state.steps, from, state.steps.length - 1), from, cmd.at);
  return accept(
    state,
    {
      ...revised,
      steps: opened.steps,
      currentStep: opened.currentStep,
      status: opened.currentStep === null ? 'COMPLETED' : 'IN_ROUTE',
      returned: null,
      actionsSinceSubmit: 0,
    },
    {
      type: 'RESUBMITTED',
      at: cmd.at,
      actorPersonId: cmd.actor.personId,
      actingPositionId: state.drafter.positionId,
      skippedStepKeys: opened.skippedStepKeys,
    },
  );
}
