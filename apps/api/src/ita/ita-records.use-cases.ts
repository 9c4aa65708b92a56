import { Injectable } from '@nestjs/common';
import { Prisma } from '@prisma/client';
import { AuditPort } from '@kasian/audit';
import { normaliseIndicatorCode, normaliseItemCode } from '@kasian/ita';
import { toArabicDigits } from '@kasian/thai';
import type { CallerContext } from '../idempotency/caller.decorator';
import { IdempotencyService } from '../idempotency/idempotency.service';
import { CallerOffices } from '../identity/caller-offices';
import type { AssignmentFieldsDto, CreateAssignmentDto, CreateMeasureDto, EvidenceLinkDto, MeasureFieldsDto, ScoreDto, ScoresDto, StatusDto } from './dto/records.dto';
import { EvidenceCatalogue } from './evidence-catalogue';
import { idempotencyScope, type ItaCaller, itaCaller, recordChange } from './ita-caller';
import { ItaConflictError, ItaInvalidRequestError, ItaNotFoundError } from './ita.errors';

type Tx = Prisma.TransactionClient;

const MEASURE_TEXT = ['label', 'titleTh', 'method', 'timeframe', 'responsibleText', 'summary', 'outcome', 'followUp', 'result'] as const;
const SCORE = /^\d{1,3}(\.\d{1,2})?$/;

function picked<T extends object, K extends keyof T>(from: T, keys: readonly K[]): Partial<Pick<T, K>> {
  return Object.fromEntries(keys.filter((k) => from[k] !== undefined).map((k) => [k, from[k]])) as Partial<Pick<T, K>>;
}

/** Measures, OIT assignments, published scores and evidence links of an office: each change transactional and audited. */
@Injectable()
export class ItaRecords {
  constructor(
    private readonly idempotency: IdempotencyService,
    private readonly audit: AuditPort,
    private readonly offices: CallerOffices,
    private readonly evidence: EvidenceCatalogue,
  ) {}

  async createMeasure(context: CallerContext, fiscalYear: number, input: CreateMeasureDto) {
    const caller = await itaCaller(this.offices, context);
    return this.idempotency.run(idempotencyScope(caller, context, 'POST /ita/:fiscalYear/measures', { fiscalYear, input }), async (tx) => {
      const plan = await tx.itaPlan.findUnique({ where: { officeId_fiscalYear: { officeId: caller.officeId, fiscalYear } } });
      if (!plan) throw new ItaNotFoundError('The measures plan of this fiscal year', 'มาตรการของปีงบประมาณนี้', { fiscalYear });
      const last = await tx.itaMeasure.aggregate({ where: { planId: plan.id }, _max: { ordinal: true } });
      const fields = picked(input, MEASURE_TEXT);
      const measure = await tx.itaMeasure.create({ data: { officeId: caller.officeId, planId: plan.id, ordinal: (last._max.ordinal ?? 0) + 1, label: '', responsibleText: '', ...fields, titleTh: input.titleTh } });
      if (input.unitIds) await this.linkUnits(tx, caller.officeId, { measureId: measure.id }, input.unitIds);
      await recordChange(this.audit, tx, caller, context, { action: 'ita.measure_created', target: { type: 'ita_measure', id: measure.id }, payload: { fiscalYear, ...fields, unitIds: input.unitIds ?? [] } });
      return { status: 201, body: { id: measure.id, ordinal: measure.ordinal } };
    });
  }

  async updateMeasure(context: CallerContext, measureId: string, input: MeasureFieldsDto) {
    const caller = await itaCaller(this.offices, context);
    return this.idempotency.run(idempotencyScope(caller, context, 'PATCH /ita/measures/:id', { measureId, input }), async (tx) => {
      const before = await this.measure(tx, caller, measureId);
      const fields = picked(input, MEASURE_TEXT);
      await tx.itaMeasure.update({ where: { id: measureId }, data: fields });
      if (input.unitIds) await this.linkUnits(tx, caller.officeId, { measureId }, input.unitIds);
      const previous = picked(before, Object.keys(fields) as (keyof typeof before)[]);
      await recordChange(this.audit, tx, caller, context, { action: 'ita.measure_updated', target: { type: 'ita_measure', id: measureId }, payload: { before: previous, after: fields, unitIds: input.unitIds } });
      return { status: 200, body: { id: measureId } };
    });
  }

  async measureStatus(context: CallerContext, measureId: string, input: StatusDto) {
    const caller = await itaCaller(this.offices, context);
    return this.idempotency.run(idempotencyScope(caller, context, 'POST /ita/measures/:id/status', { measureId, input }), async (tx) => {
      const before = await this.measure(tx, caller, measureId);
      await tx.itaMeasure.update({ where: { id: measureId }, data: { status: input.status } });
      await recordChange(this.audit, tx, caller, context, { action: 'ita.measure_status_changed', target: { type: 'ita_measure', id: measureId }, payload: { from: before.status, to: input.status } });
      return { status: 200, body: { id: measureId, status: input.status } };
    });
  }

  async deleteMeasure(context: CallerContext, measureId: string) {
    const caller = await itaCaller(this.offices, context);
    return this.idempotency.run(idempotencyScope(caller, context, 'DELETE /ita/measures/:id', { measureId }), async (tx) => {
      const before = await this.measure(tx, caller, measureId);
      const links = await tx.itaEvidenceLink.count({ where: { measureId } });
      if (links) throw new ItaConflictError('ITA_MEASURE_HAS_EVIDENCE', 'Unlink the evidence of this measure before deleting it.', 'ยกเลิกการเชื่อมโยงหลักฐานของมาตรการนี้ก่อนลบ', { measureId, links });
      await tx.itaResponsibleUnit.deleteMany({ where: { measureId } });
      await tx.itaMeasure.delete({ where: { id: measureId } });
      await recordChange(this.audit, tx, caller, context, { action: 'ita.measure_deleted', target: { type: 'ita_measure', id: measureId }, payload: { measure: { ...before, createdAt: undefined, updatedAt: undefined } } });
      return { status: 200, body: { id: measureId, deleted: true } };
    });
  }

  async createAssignment(context: CallerContext, fiscalYear: number, input: CreateAssignmentDto) {
    const caller = await itaCaller(this.offices, context);
    return this.idempotency.run(idempotencyScope(caller, context, 'POST /ita/:fiscalYear/oit-assignments', { fiscalYear, input }), async (tx) => {
      const codeNorm = normaliseItemCode(input.code);
      const item = codeNorm ? await tx.itaOitItem.findUnique({ where: { fiscalYear_codeNorm_occurrence: { fiscalYear, codeNorm, occurrence: input.occurrence ?? 1 } } }) : null;
      if (!item) throw new ItaNotFoundError(`OIT item ${input.code} of ${fiscalYear}`, `ข้อ ${input.code} ของปีงบประมาณ ${fiscalYear}`, { fiscalYear, code: input.code });
      if (await tx.itaOitAssignment.findUnique({ where: { officeId_oitItemId: { officeId: caller.officeId, oitItemId: item.id } } })) {
        throw new ItaConflictError('ITA_ASSIGNMENT_EXISTS', `Item ${item.code} is already assigned; change the assignment instead.`, `ข้อ ${item.code} มีผู้รับผิดชอบแล้ว ให้แก้ไขการมอบหมายแทน`, { code: item.code });
      }
      const assignment = await tx.itaOitAssignment.create({ data: { officeId: caller.officeId, fiscalYear, oitItemId: item.id, responsibleText: input.responsibleText ?? '', status: input.status ?? 'NOT_STARTED', progress: input.progress ?? null } });
      if (input.unitIds) await this.linkUnits(tx, caller.officeId, { assignmentId: assignment.id }, input.unitIds);
      await recordChange(this.audit, tx, caller, context, { action: 'ita.oit_assigned', target: { type: 'ita_oit_assignment', id: assignment.id }, payload: { fiscalYear, code: item.code, codeNorm: item.codeNorm, responsibleText: assignment.responsibleText, unitIds: input.unitIds ?? [] } });
      return { status: 201, body: { id: assignment.id } };
    });
  }

  async updateAssignment(context: CallerContext, assignmentId: string, input: AssignmentFieldsDto) {
    const caller = await itaCaller(this.offices, context);
    return this.idempotency.run(idempotencyScope(caller, context, 'PATCH /ita/oit-assignments/:id', { assignmentId, input }), async (tx) => {
      const before = await tx.itaOitAssignment.findFirst({ where: { id: assignmentId, officeId: caller.officeId } });
      if (!before) throw new ItaNotFoundError('The OIT assignment', 'การมอบหมายข้อ OIT', { assignmentId });
      const fields = picked(input, ['responsibleText', 'status', 'progress'] as const);
      await tx.itaOitAssignment.update({ where: { id: assignmentId }, data: fields });
      if (input.unitIds) await this.linkUnits(tx, caller.officeId, { assignmentId }, input.unitIds);
      const previous = picked(before, Object.keys(fields) as (keyof typeof before)[]);
      await recordChange(this.audit, tx, caller, context, { action: 'ita.oit_assignment_updated', target: { type: 'ita_oit_assignment', id: assignmentId }, payload: { before: previous, after: fields, unitIds: input.unitIds } });
      return { status: 200, body: { id: assignmentId } };
    });
  }

  /** Scores exactly as published, upserted by (scope, code); never derived from each other. */
  async enterScores(context: CallerContext, fiscalYear: number, input: ScoresDto) {
    const caller = await itaCaller(this.offices, context);
    return this.idempotency.run(idempotencyScope(caller, context, 'PUT /ita/:fiscalYear/scores', { fiscalYear, input }), async (tx) => {
      const entered = [];
      for (const [i, score] of input.scores.entries()) entered.push(await this.upsertScore(tx, caller, fiscalYear, score, i));
      await recordChange(this.audit, tx, caller, context, { action: 'ita.scores_entered', target: { type: 'ita_scores', id: String(fiscalYear) }, payload: { fiscalYear, scores: entered } });
      return { status: 200, body: { fiscalYear, scores: entered.map((e) => e.after) } };
    });
  }

  async linkEvidence(context: CallerContext, input: EvidenceLinkDto) {
    const caller = await itaCaller(this.offices, context);
    if (Number(!!input.measureId) + Number(!!input.assignmentId) !== 1 || Number(!!input.evidenceId) + Number(!!input.documentId) !== 1) {
      throw new ItaInvalidRequestError('ITA_LINK_INVALID', 'Give exactly one of measureId / assignmentId and exactly one of evidenceId / documentId.', 'ระบุมาตรการหรือข้อ OIT อย่างใดอย่างหนึ่ง และหลักฐานหรือเอกสารอย่างใดอย่างหนึ่ง', {});
    }
    await this.assertEvidence(caller, input.evidenceId);
    return this.idempotency.run(idempotencyScope(caller, context, 'POST /ita/evidence-links', input), async (tx) => {
      await this.assertOwner(tx, caller, input);
      if (input.documentId && !(await tx.document.findFirst({ where: { id: input.documentId, officeId: caller.officeId } }))) throw new ItaNotFoundError('The document', 'เอกสาร', { documentId: input.documentId });
      const owner = { measureId: input.measureId ?? null, assignmentId: input.assignmentId ?? null };
      const target = { evidenceId: input.evidenceId ?? null, documentId: input.documentId ?? null };
      if (await tx.itaEvidenceLink.findFirst({ where: { ...owner, ...target } })) throw new ItaConflictError('ITA_EVIDENCE_ALREADY_LINKED', 'This evidence is already linked here.', 'เชื่อมโยงหลักฐานนี้ไว้แล้ว', { ...owner, ...target });
      const link = await tx.itaEvidenceLink.create({ data: { officeId: caller.officeId, ...owner, ...target, note: input.note ?? null, linkedByPersonId: caller.personId } });
      await recordChange(this.audit, tx, caller, context, { action: 'ita.evidence_linked', target: { type: 'ita_evidence_link', id: link.id }, payload: { ...owner, ...target, note: link.note } });
      return { status: 201, body: { id: link.id, ...owner, ...target } };
    });
  }

  async unlinkEvidence(context: CallerContext, linkId: string) {
    const caller = await itaCaller(this.offices, context);
    return this.idempotency.run(idempotencyScope(caller, context, 'DELETE /ita/evidence-links/:id', { linkId }), async (tx) => {
      const link = await tx.itaEvidenceLink.findFirst({ where: { id: linkId, officeId: caller.officeId } });
      if (!link) throw new ItaNotFoundError('The evidence link', 'การเชื่อมโยงหลักฐาน', { linkId });
      await tx.itaEvidenceLink.delete({ where: { id: linkId } });
      const { measureId, assignmentId, evidenceId, documentId, note } = link;
      await recordChange(this.audit, tx, caller, context, { action: 'ita.evidence_unlinked', target: { type: 'ita_evidence_link', id: linkId }, payload: { measureId, assignmentId, evidenceId, documentId, note } });
      return { status: 200, body: { id: linkId, deleted: true } };
    });
  }

  private async measure(tx: Tx, caller: ItaCaller, measureId: string) {
    const measure = await tx.itaMeasure.findFirst({ where: { id: measureId, officeId: caller.officeId } });
    if (!measure) throw new ItaNotFoundError('The measure', 'มาตรการ', { measureId });
    return measure;
  }

  /** Replaces the unit links of a measure or an assignment; every unit must be the office's. */
  private async linkUnits(tx: Tx, officeId: string, owner: { measureId?: string; assignmentId?: string }, unitIds: readonly string[]): Promise<void> {
    const units = await tx.unit.findMany({ where: { officeId, id: { in: [...unitIds] } } });
    const unknown = unitIds.filter((id) => !units.some((u) => u.id === id));
    if (unknown.length) throw new ItaInvalidRequestError('ITA_UNIT_UNKNOWN', 'Some units are not units of your office.', 'หน่วยงานที่ระบุไม่ใช่หน่วยงานในองค์กรของท่าน', { unitIds: unknown });
    await tx.itaResponsibleUnit.deleteMany({ where: owner });
    await tx.itaResponsibleUnit.createMany({ data: units.map((u) => ({ officeId, ...owner, unitId: u.id, textAsPublished: u.nameTh })) });
  }

  private async assertOwner(tx: Tx, caller: ItaCaller, input: EvidenceLinkDto): Promise<void> {
    if (input.measureId) await this.measure(tx, caller, input.measureId);
    if (input.assignmentId && !(await tx.itaOitAssignment.findFirst({ where: { id: input.assignmentId, officeId: caller.officeId } }))) throw new ItaNotFoundError('The OIT assignment', 'การมอบหมายข้อ OIT', { assignmentId: input.assignmentId });
  }

  private async assertEvidence(caller: ItaCaller, evidenceId: string | undefined): Promise<void> {
    if (!evidenceId) return;
    if (!(await this.evidence.describe(caller.officeId, [evidenceId])).has(evidenceId)) throw new ItaNotFoundError('The evidence file', 'ไฟล์หลักฐาน', { evidenceId });
  }

  private async upsertScore(tx: Tx, caller: ItaCaller, fiscalYear: number, input: ScoreDto, index: number) {
    const code = await scoreCode(tx, fiscalYear, input, index);
    const value = toArabicDigits(input.score.trim());
    if (!SCORE.test(value) || Number(value) > 100) throw new ItaInvalidRequestError('ITA_SCORE_INVALID', `Score ${index + 1}: "${input.score}" is not a score from 0 to 100 with at most two decimals.`, `คะแนนลำดับที่ ${index + 1} "${input.score}" ไม่ใช่คะแนน ๐–๑๐๐ ทศนิยมไม่เกินสองตำแหน่ง`, { index, score: input.score });
    const key = { officeId_fiscalYear_scope_code: { officeId: caller.officeId, fiscalYear, scope: input.scope, code } };
    const before = await tx.itaScore.findUnique({ where: key });
    const data = { score: new Prisma.Decimal(value), scoreText: input.score.trim(), level: input.level ?? null, source: input.source ?? null, enteredByPersonId: caller.personId };
    await tx.itaScore.upsert({ where: key, update: data, create: { officeId: caller.officeId, fiscalYear, scope: input.scope, code, ...data } });
    const view = (s: { score: Prisma.Decimal; scoreText: string; level: string | null; source: string | null } | null) => (s ? { scope: input.scope, code, score: s.score.toFixed(2), scoreText: s.scoreText, level: s.level, source: s.source } : null);
    return { before: view(before), after: view(data)! };
  }
}

/** The normalised key a score is stored under; an indicator or item must exist in the year's framework when one is imported. */
async function scoreCode(tx: Tx, fiscalYear: number, input: ScoreDto, index: number): Promise<string> {
  const raw = (input.code ?? '').trim();
  const refuse = (why: string, whyTh: string) => new ItaInvalidRequestError('ITA_SCORE_CODE_INVALID', `Score ${index + 1}: ${why}`, `คะแนนลำดับที่ ${index + 1}: ${whyTh}`, { index, scope: input.scope, code: raw });
  switch (input.scope) {
    case 'OVERALL':
      if (raw) throw refuse('an overall score has no code.', 'คะแนนภาพรวมไม่ต้องระบุรหัส');
      return '';
    case 'INSTRUMENT':
      if (!['IIT', 'EIT', 'OIT'].includes(raw.toUpperCase())) throw refuse('the instrument is IIT, EIT or OIT.', 'เครื่องมือต้องเป็น IIT, EIT หรือ OIT');
      return raw.toUpperCase();
    case 'INDICATOR': {
      const code = normaliseIndicatorCode(raw);
      if (!code) throw refuse(`"${raw}" is not an indicator number.`, `"${raw}" ไม่ใช่เลขตัวชี้วัด`);
      if ((await tx.itaFramework.count({ where: { fiscalYear } })) && !(await tx.itaIndicator.findUnique({ where: { fiscalYear_codeNorm: { fiscalYear, codeNorm: code } } }))) throw refuse(`indicator ${raw} is not in the year's framework.`, `ไม่พบตัวชี้วัด ${raw} ในกรอบการประเมินของปี`);
      return code;
    }
    case 'OIT_ITEM': {
      const code = normaliseItemCode(raw);
      if (!code) throw refuse(`"${raw}" is not an OIT item code.`, `"${raw}" ไม่ใช่รหัสข้อ OIT`);
      if ((await tx.itaFramework.count({ where: { fiscalYear } })) && !(await tx.itaOitItem.count({ where: { fiscalYear, codeNorm: code } }))) throw refuse(`item ${raw} is not in the year's framework.`, `ไม่พบข้อ ${raw} ในกรอบการประเมินของปี`);
      return code;
    }
  }
}
