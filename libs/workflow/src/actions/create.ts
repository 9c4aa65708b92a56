import { workflowError } from '../errors';
import { type DocumentVersion, type RouteInstance, pendingStep } from '../instance';
import { accept } from '../progress';
import type { ActionResult } from '../result';
import { type RouteTemplate, validateTemplate } from '../template';
import type { Instant } from '../time';

export interface CreateRoute {
  readonly instanceId: string;
  readonly documentId: string;
  readonly template: RouteTemplate;
  readonly drafter: { readonly personId: string; readonly positionId: string };
  readonly document: DocumentVersion;
  readonly at: Instant;
}

/** Starts an instance in DRAFT on the given template version (version 1, one CREATED event). */
export function createRoute(input: CreateRoute): ActionResult {
  const problems = validateTemplate(input.template);
  if (problems.length > 0) return { ok: false, error: workflowError('INVALID_TEMPLATE', { problems }) };
  const draft: RouteInstance = {
    id: input.instanceId,
    officeId: input.template.officeId,
    documentId: input.documentId,
    template: input.template,
    drafter: input.drafter,
    status: 'DRAFT',
    round: 0,
    document: input.document,
    currentStep: null,
    steps: input.template.steps.map((s) => pendingStep(s.key)),
    returned: null,
    recallable: null,
    actionsSinceSubmit: 0,
    everDecided: false,
    version: 0,
    createdAt: input.at,
    updatedAt: input.at,
  };
  return accept(draft, draft, { type: 'CREATED', at: input.at, actorPersonId: input.drafter.personId, actingPositionId: input.drafter.positionId });
}
