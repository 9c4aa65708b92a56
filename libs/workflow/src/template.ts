import type { Condition } from './conditions';

/** What a decision word means to the route. The vocabulary itself stays open (§2.4 of the domain notes). */
export type Outcome = 'positive' | 'neutral' | 'negative';

export interface DecisionWord {
  /** As written in the ความเห็นของ… block, e.g. "อนุมัติ", "ทราบ", "ไม่เห็นชอบ". */
  readonly word: string;
  readonly outcome: Outcome;
}

export type Completion = { readonly rule: 'ALL' } | { readonly rule: 'ANY' } | { readonly rule: 'K_OF_N'; readonly k: number };

/**
 * SEQUENTIAL: one position. PARALLEL: fan-out to several positions (e.g. the heads of several กอง).
 * DISTRIBUTION: top-down notice (นายก → all กอง), acknowledged by every addressee, never returned or rejected.
 */
export type StepKind = 'SEQUENTIAL' | 'PARALLEL' | 'DISTRIBUTION';

/** ความเห็น: the free-text comment under the decision words. */
export type CommentPolicy = 'NONE' | 'OPTIONAL' | 'REQUIRED';

export interface StepTemplate {
  /** Stable within the template, e.g. "palad". */
  readonly key: string;
  /** As printed above the block, e.g. "ความเห็นของปลัดองค์การบริหารส่วนตำบลป่าตึง". */
  readonly title: string;
  readonly kind: StepKind;
  /** Position ids, never people. */
  readonly addressees: readonly string[];
  readonly completion: Completion;
  readonly words: readonly DecisionWord[];
  readonly comment: CommentPolicy;
  /** The step applies only when this holds on the document fields at the moment the route reaches it. */
  readonly when?: Condition;
  /** Whether the drafter may act at this step (normally not). */
  readonly drafterMayDecide?: boolean;
}

/** Where the route goes on when the drafter resubmits after ส่งคืนแก้ไข or ดึงคืน. */
export type ResubmitPolicy = 'RESUME' | 'RESTART';

export interface RouteTemplate {
  readonly id: string;
  /** A running instance keeps the version it started with; edits make a new version. */
  readonly version: number;
  readonly officeId: string;
  /** e.g. "MEMO", "ORDER", "ITA_REPORT". */
  readonly documentKind: string;
  readonly name: string;
  readonly steps: readonly StepTemplate[];
  readonly onResubmit: ResubmitPolicy;
}

export function requiredDecisions(step: StepTemplate): number {
  switch (step.completion.rule) {
    case 'ALL':
      return step.addressees.length;
    case 'ANY':
      return 1;
    default:
      return step.completion.k;
  }
}

export function findWord(step: StepTemplate, word: string): DecisionWord | undefined {
  return step.words.find((w) => w.word === word);
}

/** Problems that make a template unusable; an empty list means it is valid. */
export function validateTemplate(template: RouteTemplate): string[] {
  const problems: string[] = [];
  if (!Number.isInteger(template.version) || template.version < 1) problems.push('version must be a positive integer');
  if (template.steps.length === 0) problems.push('a route needs at least one step');
  if (hasDuplicates(template.steps.map((s) => s.key))) problems.push('step keys must be unique');
  for (const step of template.steps) problems.push(...validateStep(step).map((p) => `${step.key}: ${p}`));
  return problems;
}

function validateStep(step: StepTemplate): string[] {
  const problems: string[] = [];
  const n = step.addressees.length;
  if (n === 0) problems.push('no addressee');
  if (hasDuplicates(step.addressees)) problems.push('an addressee appears twice');
  if (step.kind === 'SEQUENTIAL' && n !== 1) problems.push('a sequential step has exactly one addressee');
  if (step.completion.rule === 'K_OF_N' && !(Number.isInteger(step.completion.k) && step.completion.k >= 1 && step.completion.k <= n)) {
    problems.push('k must be between 1 and the number of addressees');
  }
  if (hasDuplicates(step.words.map((w) => w.word))) problems.push('a decision word appears twice');
  if (!step.words.some((w) => w.outcome !== 'negative')) problems.push('no word lets the step go forward');
  if (step.kind === 'DISTRIBUTION' && (step.completion.rule !== 'ALL' || step.words.some((w) => w.outcome === 'negative'))) {
    problems.push('a distribution is acknowledged by all and cannot be rejected');
  }
  return problems;
}

function hasDuplicates(values: readonly string[]): boolean {
  return new Set(values).size !== values.length;
}
