import type { AnnouncementImprint, DecisionBlock, ImprintTimelineRow, MemoBlock, MemoImprint, OrderImprint, PrintImprint, ReportImprint, SignatureSnapshot } from '@kasian/documents';
import type { PrintableKind } from '@kasian/jobs';
import { bangkokDateOf } from '@kasian/thai';
import type { Decision, RouteInstance, SignatureSnapshot as RouteSignature } from '@kasian/workflow';
import type { TimelineEntryDto } from '../routing/dto/route-queries.dto';

/** Everything the route and the register say about one version, read by `PrintSources`. */
export interface ImprintSources {
  kind: PrintableKind;
  /** The version printed. */
  version: { id: string; versionNo: number };
  /** Versions of the document by id, to bind decisions to their version numbers. */
  versionNos: ReadonlyMap<string, number>;
  /** Null only for a document that has no route. */
  route: RouteInstance | null;
  timeline: readonly TimelineEntryDto[];
  /** Whether the document is bound to a register (ADR 0011), numbered or not yet. */
  registered: boolean;
  /** The register entry the document holds, if any. */
  number: { numberText: string; number: number; year: number; issuedAt: Date } | null;
  /** The drafter's block: as snapshotted at submission, or as it would print now on a draft never submitted. */
  drafter: RouteSignature;
}

export const OPINION_OF = 'ความเห็นของ';

const CAPACITY_TH: Record<string, string> = { ACTING: 'รักษาราชการแทน', DELEGATED: 'ปฏิบัติราชการแทน' };

const ACTION_TH: Record<string, string> = {
  SUBMITTED: 'เสนอ',
  RESUBMITTED: 'เสนอใหม่',
  RECALLED: 'ดึงคืน',
  CANCELLED: 'ยกเลิก',
  RETURNED: 'ส่งคืนแก้ไข',
};

/** The printed part of a snapshot: the route keeps the unit too, the page does not. */
function printed(signature: RouteSignature): SignatureSnapshot {
  const { nameAsPrinted, rankLine, positionTitleAsPrinted, dateTextBE } = signature;
  return { nameAsPrinted, rankLine, positionTitleAsPrinted, dateTextBE };
}

/** Decision words, then the ความเห็น on a line of its own. */
function wordsOf(decision: Pick<Decision, 'word' | 'comment'>): string {
  return decision.comment ? `${decision.word}\n${decision.comment}` : decision.word;
}

/**
 * The block of one standing decision (§2.5): a step titled ความเห็นของ… prints an opinion block,
 * or the decision block with (ลงชื่อ) when it is the route's last step; any other step (เสนอ,
 * endorsement) prints a signer block.
 */
function blockOf(title: string, isLastStep: boolean, decision: Decision): MemoBlock {
  const signature = printed(decision.signature);
  if (!title.startsWith(OPINION_OF)) return { kind: 'signer', signature };
  const opinionOf = title.slice(OPINION_OF.length);
  return isLastStep ? decisionBlockOf(opinionOf, decision) : { kind: 'opinion', opinionOf, opinion: wordsOf(decision), signature };
}

function decisionBlockOf(opinionOf: string, decision: Decision): DecisionBlock {
  return { kind: 'decision', opinionOf, decision: wordsOf(decision), signature: printed(decision.signature) };
}

function isUpTo(sources: ImprintSources, versionId: string): boolean {
  return (sources.versionNos.get(versionId) ?? Number.POSITIVE_INFINITY) <= sources.version.versionNo;
}

/** Decisions standing in the route now (a return or recall removes the ones it undoes), step by step, made on this version or an earlier one. */
function standingDecisions(sources: ImprintSources): { title: string; isLastStep: boolean; decision: Decision }[] {
  const route = sources.route;
  if (!route) return [];
  const steps = route.template.steps;
  return route.steps.flatMap((step, index) =>
    step.decisions.filter((d) => isUpTo(sources, d.documentVersionId)).map((decision) => ({ title: steps[index].title, isLastStep: index === steps.length - 1, decision })),
  );
}

/** `ร้อยโท กิตติชัย เจริญยิ่ง` from the snapshot's rank line and `(กิตติชัย เจริญยิ่ง)`. */
function whoOf(signature: RouteSignature): string {
  const name = signature.nameAsPrinted.replace(/^\((.*)\)$/, '$1');
  return signature.rankLine ? `${signature.rankLine} ${name}` : name;
}

function actionWords(entry: TimelineEntryDto): string {
  if (entry.type === 'DECIDED') return wordsOf({ word: entry.word ?? '', comment: entry.comment }).replace('\n', ': ');
  const action = entry.type === 'REJECTED' ? (entry.word ?? 'ไม่อนุมัติ') : (ACTION_TH[entry.type] ?? entry.type);
  return entry.reason ? `${action}: ${entry.reason}` : action;
}

function timelineRow(entry: TimelineEntryDto): ImprintTimelineRow {
  const signature = entry.signature as RouteSignature | null;
  const capacity = entry.capacity ? CAPACITY_TH[entry.capacity] : undefined;
  return {
    step: entry.stepTitle ?? ACTION_TH[entry.type] ?? entry.type,
    who: signature ? whoOf(signature) : entry.actorNameTh,
    position: (signature?.positionTitleAsPrinted.split('\n')[0] ?? entry.actingPosition?.titleTh) || '-',
    onBehalfOf: capacity && entry.onBehalfOf ? `${capacity}${entry.onBehalfOf.titleTh}` : null,
    orderRef: entry.orderRef,
    at: entry.at,
    words: actionWords(entry),
    versionNo: entry.documentVersionNo ?? 0,
    versionHash: entry.documentHash,
  };
}

/** Every action after the draft was made, on this version or an earlier one; null when there is none yet. */
function timelineOf(sources: ImprintSources): MemoImprint['timeline'] {
  const rows = sources.timeline.filter((e) => e.type !== 'CREATED' && isUpTo(sources, e.documentVersionId)).map(timelineRow);
  return rows.length ? { rows } : null;
}

/** The number and its day print only on the version the route signed off (an earlier version is a draft of it). */
function numberOf(sources: ImprintSources) {
  return sources.number && sources.route?.document.versionId === sources.version.id ? sources.number : null;
}

/** The route's final standing decision, once the route is complete and on the version it signed off; else none. */
function signedOffDecision(sources: ImprintSources) {
  const signedOff = sources.route?.status === 'COMPLETED' && sources.route.document.versionId === sources.version.id;
  return signedOff ? standingDecisions(sources).at(-1) : undefined;
}

function memoImprint(sources: ImprintSources): MemoImprint {
  const number = numberOf(sources);
  const blocks = standingDecisions(sources).map((d) => blockOf(d.title, d.isLastStep, d.decision));
  return {
    kind: 'MEMO',
    documentNumber: number?.numberText ?? null,
    date: number ? bangkokDateOf(number.issuedAt) : null,
    blocks: [{ kind: 'signer', signature: printed(sources.drafter) }, ...blocks],
    timeline: timelineOf(sources),
  };
}

/**
 * The signer of an order or an announcement is the route's final decider, once the route is
 * complete, on the version it signed off (an earlier version prints unsigned); สั่ง / ประกาศ ณ วันที่ is the day the number was issued, or the day it was signed when
 * no register numbers it.
 */
function issuedImprint(sources: ImprintSources): Omit<OrderImprint, 'kind'> {
  const number = numberOf(sources);
  const final = signedOffDecision(sources)?.decision;
  const issuedAt = number?.issuedAt ?? (final ? new Date(final.at) : null);
  return {
    number: number?.number ?? null,
    yearBE: number?.year ?? null,
    date: issuedAt ? bangkokDateOf(issuedAt) : null,
    signer: final ? printed(final.signature) : null,
  };
}

/** A ประกาศ prints its ที่ line only when a register numbers it (most are not numbered, domain.md §4.2). */
function announcementImprint(sources: ImprintSources): AnnouncementImprint {
  return { kind: 'ANNOUNCEMENT', numbered: sources.registered, ...issuedImprint(sources) };
}

/**
 * A report closes with the executive's decision block once the route signed off this version
 * (000: หากเห็นชอบผู้บริหารลงนาม); a report returned for review, or an earlier version, prints without it.
 */
function reportImprint(sources: ImprintSources): ReportImprint {
  const final = signedOffDecision(sources);
  if (!final) return { kind: 'REPORT', approval: null };
  // A last step not titled ความเห็นของ… is headed by the signer's position instead.
  const opinionOf = final.title.startsWith(OPINION_OF) ? final.title.slice(OPINION_OF.length) : final.decision.signature.positionTitleAsPrinted.split('\n')[0];
  return { kind: 'REPORT', approval: decisionBlockOf(opinionOf, final.decision) };
}

/** What the route and the register add to a version when it is printed (ADR 0011). Pure. */
export function imprintOf(sources: ImprintSources): PrintImprint {
  switch (sources.kind) {
    case 'MEMO':
      return memoImprint(sources);
    case 'ORDER':
      return { kind: 'ORDER', ...issuedImprint(sources) };
    case 'ANNOUNCEMENT':
      return announcementImprint(sources);
    case 'REPORT':
      return reportImprint(sources);
  }
}
