import type { Decision, RouteInstance, SignatureSnapshot } from '../instance';
import { accept, openFrom } from '../progress';
import type { ActionResult } from '../result';
import { findWord, requiredDecisions } from '../template';
import { type ActionContext, actAtStep, authorityFields, currentStepOf, isError, refuse, refuseWith, text } from './common';

export interface Decide extends ActionContext {
  /** One of the step's words whose outcome is positive or neutral; negative words go through reject. */
  readonly word: string;
  /** ความเห็น. */
  readonly comment?: string | null;
  /** Needed only when the actor may act for more than one open addressee. */
  readonly positionId?: string;
  readonly signature: SignatureSnapshot;
}

/** Records one addressee's decision (เห็นชอบ, อนุมัติ, ทราบ, …); the step closes when its completion rule is met. */
export function decide(state: RouteInstance, cmd: Decide): ActionResult {
  const index = currentStepOf(state);
  if (isError(index)) return refuseWith(index);
  const template = state.template.steps[index];
  const word = findWord(template, cmd.word);
  if (word === undefined || word.outcome === 'negative') return refuse('WORD_NOT_ALLOWED', { word: cmd.word, step: template.key, allowed: template.words.filter((w) => w.outcome !== 'negative').map((w) => w.word) });
  const comment = text(cmd.comment);
  if (template.comment === 'REQUIRED' && comment === null) return refuse('COMMENT_REQUIRED', { step: template.key });
  if (template.comment === 'NONE' && comment !== null) return refuse('COMMENT_NOT_ALLOWED', { step: template.key });
  const act = actAtStep(state, index, cmd, word.outcome, cmd.positionId);
  if (isError(act)) return refuseWith(act);

  const decision: Decision = {
    personId: cmd.actor.personId,
    authority: act.authority,
    word: word.word,
    outcome: word.outcome,
    comment,
    signature: cmd.signature,
    documentVersionId: state.document.versionId,
    documentHash: state.document.hash,
    at: cmd.at,
  };
  const decisions = [...state.steps[index].decisions, decision];
  const complete = decisions.length >= requiredDecisions(template);
  const steps = state.steps.map((s, i) => (i === index ? { ...s, decisions, status: complete ? ('DONE' as const) : s.status } : s));
  const opened = complete ? openFrom(state, steps, index + 1, cmd.at) : { steps, currentStep: index, skippedStepKeys: [] };
  return accept(
    state,
    {
      ...state,
      steps: opened.steps,
      currentStep: opened.currentStep,
      status: opened.currentStep === null ? 'COMPLETED' : 'IN_ROUTE',
      recallable: opened.currentStep === null ? null : { stepIndex: index, personId: cmd.actor.personId, positionId: act.authority.onBehalfOfPositionId },
      actionsSinceSubmit: state.actionsSinceSubmit + 1,
      everDecided: true,
    },
    {
      type: 'DECIDED',
      at: cmd.at,
      actorPersonId: cmd.actor.personId,
      ...authorityFields(act.authority),
      stepIndex: index,
      stepKey: template.key,
      word: word.word,
      outcome: word.outcome,
      comment,
      signature: cmd.signature,
      skippedStepKeys: opened.skippedStepKeys,
    },
  );
}
