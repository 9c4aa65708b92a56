import type { RouteInstance } from '@kasian/workflow';
import { waitingOn } from '@kasian/workflow';
import type { RouteStateDto } from './dto/route-state.dto';

/** What a caller sees of a route after acting on it. */
export function routeStateOf(state: RouteInstance): RouteStateDto {
  const current = state.currentStep === null ? null : state.template.steps[state.currentStep];
  return {
    routeId: state.id,
    documentId: state.documentId,
    status: state.status,
    version: state.version,
    round: state.round,
    documentVersionId: state.document.versionId,
    currentStep: current && { key: current.key, title: current.title, waitingOnPositionIds: waitingOn(state) },
    steps: state.template.steps.map((step, index) => ({ key: step.key, title: step.title, status: state.steps[index].status })),
  };
}
