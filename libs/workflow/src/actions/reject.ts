import type { Decision, RouteInstance, SignatureSnapshot } from '../instance';
import { accept } from '../progress';
import type { ActionResult } from '../result';
import { findWord } from '../template';
import { type ActionContext, actAtStep, authorityFields, currentStepOf, isError, refuse, refuseWith, text } from './common';

export interface Reject extends ActionContext {
  /** One of the step's negative words, e.g. ไม่อนุมัติ. */
  readonly word: string;
  readonly reason: string;
  readonly positionId?: string;
  readonly signature: SignatureSnapshot;
}

/** ไม่อนุมัติ: ends the route. Only at steps whose vocabulary has a negative word. */
export function reject(state: RouteInstance, cmd: Reject): ActionResult {
  const index = currentStepOf(state);
  if (isError(index)) return refuseWith(index);
  const template = state.template.steps[index];
  const word = findWord(template, cmd.word);
  if (word?.outcome !== 'negative') return refuse('WORD_NOT_ALLOWED', { word: cmd.word, step: template.key, allowed: template.words.filter((w) => w.outcome === 'negative').map((w) => w.word) });
  const act = actAtStep(state, index, cmd, 'negative', cmd.positionId);
  if (isError(act)) return refuseWith(act);
  const reason = text(cmd.reason);
  if (reason === null) return refuse('REASON_REQUIRED');

  const decision: Decision = {
    personId: cmd.actor.personId,
    authority: act.authority,
    word: word.word,
    outcome: word.outcome,
    comment: reason,
    signature: cmd.signature,
    documentVersionId: state.document.versionId,
    documentHash: state.document.hash,
    at: cmd.at,
  };
  const steps = state.steps.map((s, i) => (i === index ? { ...s, status: 'REJECTED' as const, decisions: [...s.decisions, decision] } : s));
  return accept(
    state,
    { ...state, steps, status: 'REJECTED', currentStep: null, recallable: null, everDecided: true },
    {
      type: 'REJECTED',
      at: cmd.at,
      actorPersonId: cmd.actor.personId,
      ...authorityFields(act.authority),
      stepIndex: index,
      stepKey: template.key,
      word: word.word,
      outcome: word.outcome,
      reason,
      signature: cmd.signature,
    },
  );
}
