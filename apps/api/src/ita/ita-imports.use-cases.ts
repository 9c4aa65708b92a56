import { createHash, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Prisma } from '@prisma/client';
import canonicalize from 'canonicalize';
import { AuditPort } from '@kasian/audit';
import { PrismaService } from '@kasian/database';
import {
  type Analysis,
  analyseFramework,
  analyseIitAssignment,
  analyseOitAssignment,
  analysePlan,
  type CsvInput,
  type CsvTable,
  type Framework,
  frameworkFromCsv,
  iitFromCsv,
  type ImportedAssignment,
  type ImportedIndicatorAssignment,
  type ImportedPlan,
  type ImportWarning,
  type IssuingOffice,
  needsAcceptance,
  oitFromCsv,
  type OfficeUnit,
  planFromCsv,
} from '@kasian/ita';
import type { CallerContext } from '../idempotency/caller.decorator';
import { IdempotencyService } from '../idempotency/idempotency.service';
import { CallerOffices } from '../identity/caller-offices';
import type { ImportQueryDto } from './dto/import.dto';
import { type ImportBody, type ImportInput, importInput } from './import-body';
import { idempotencyScope, type ItaCaller, itaCaller, recordChange } from './ita-caller';
import { ItaAssignmentsExistError, ItaFrameworkExistsError, ItaIndicatorAssignmentsExistError, ItaFrameworkMissingError, ItaImportInvalidError, ItaImportNeedsAcceptanceError, ItaPlanExistsError } from './ita.errors';

type Tx = Prisma.TransactionClient;

export interface ImportResult {
  importId: string | null;
  fiscalYear: number;
  created: Record<string, number>;
  warnings: readonly ImportWarning[];
}

/** What differs between the progress-table imports: the catalogue they are read against and the rows they save. */
interface ProgressTableImport<T> {
  readonly route: string;
  readonly kind: 'OIT_ASSIGNMENT' | 'IIT_ASSIGNMENT';
  readonly action: string;
  readonly fromCsv: (table: CsvTable, meta: { fiscalYear: number }) => CsvInput;
  readonly analyse: (read: ImportInput, office: IssuingOffice, units: OfficeUnit[]) => Promise<Analysis<T[]>>;
  /** Inside the import's transaction: refuse rows already there (409), then write them. */
  readonly save: (tx: Tx, officeId: string, rows: T[], importId: string) => Promise<void>;
}

const hashOf = (input: unknown) => createHash('sha256').update(canonicalize(input) ?? '').digest('hex');

/** Errors refuse the whole file (400); E/W warnings need acceptWarnings=true (422), I never blocks. */
function acceptable<T>(result: Analysis<T>, acceptWarnings: boolean): T {
  if (result.errors.length || !result.value) throw new ItaImportInvalidError(result.errors);
  if (!acceptWarnings && result.warnings.some(needsAcceptance)) throw new ItaImportNeedsAcceptanceError(result.warnings);
  return result.value;
}

/** Imports of a year's framework, an office's measures, its OIT assignment and its IIT table: all or nothing, audited, warnings stored. */
@Injectable()
export class ItaImports {
  constructor(
    private readonly prisma: PrismaService,
    private readonly idempotency: IdempotencyService,
    private readonly audit: AuditPort,
    private readonly offices: CallerOffices,
  ) {}

  async framework(context: CallerContext, fiscalYear: number, body: ImportBody, query: ImportQueryDto) {
    const caller = await itaCaller(this.offices, context);
    const read = await importInput(body, fiscalYear, (table) => frameworkFromCsv(table, { fiscalYear, nameTh: query.nameTh ?? `ITA ${fiscalYear}`, source: query.source ?? null }));
    const result = analyseFramework(read.input, read.source);
    const framework = acceptable(result, query.acceptWarnings === true);
    const hash = hashOf(read.input);
    return this.idempotency.run<ImportResult>(idempotencyScope(caller, context, 'POST /ita/frameworks/:fiscalYear/import', { fiscalYear, hash, accept: query.acceptWarnings }), async (tx) => {
      if (await tx.itaFramework.findUnique({ where: { fiscalYear } })) throw new ItaFrameworkExistsError(fiscalYear);
      const id = await createFramework(tx, framework, hash, result.warnings, caller.subject);
      await recordChange(this.audit, tx, caller, context, {
        action: 'ita.framework_imported',
        target: { type: 'ita_framework', id },
        payload: { fiscalYear, format: read.format, contentHash: hash, indicators: framework.indicators.length, items: framework.items.length, warnings: result.warnings.map((w) => w.code), acceptedWarnings: query.acceptWarnings === true },
      });
      return { status: 201, body: { importId: null, fiscalYear, created: { indicators: framework.indicators.length, oitItems: framework.items.length }, warnings: result.warnings } };
    });
  }

  async plan(context: CallerContext, fiscalYear: number, body: ImportBody, query: ImportQueryDto) {
    const caller = await itaCaller(this.offices, context);
    const read = await importInput(body, fiscalYear, (table) => planFromCsv(table, { fiscalYear, titleTh: query.title ?? '' }));
    const [office, units, indicators] = await Promise.all([this.office(caller), this.units(caller.officeId), this.prisma.itaIndicator.findMany({ where: { fiscalYear } })]);
    const result = analysePlan(read.input, read.source, { office, units, indicators: indicators.length ? indicators : null });
    const plan = acceptable(result, query.acceptWarnings === true);
    const hash = hashOf(read.input);
    return this.idempotency.run<ImportResult>(idempotencyScope(caller, context, 'POST /ita/:fiscalYear/plan/import', { fiscalYear, hash, accept: query.acceptWarnings }), async (tx) => {
      const existing = await tx.itaPlan.findUnique({ where: { officeId_fiscalYear: { officeId: caller.officeId, fiscalYear } } });
      if (existing) throw new ItaPlanExistsError(fiscalYear, existing.id);
      const importId = await this.record(tx, caller, 'PLAN', fiscalYear, read, hash, result.warnings);
      const planId = await createPlan(tx, caller.officeId, plan, importId);
      await recordChange(this.audit, tx, caller, context, {
        action: 'ita.plan_imported',
        target: { type: 'ita_plan', id: planId },
        payload: { importId, fiscalYear, format: read.format, contentHash: hash, measures: plan.measures.length, warnings: result.warnings.map((w) => w.code), acceptedWarnings: query.acceptWarnings === true },
      });
      return { status: 201, body: { importId, fiscalYear, created: { measures: plan.measures.length }, warnings: result.warnings } };
    });
  }

  async oitAssignment(context: CallerContext, fiscalYear: number, body: ImportBody, query: ImportQueryDto) {
    return this.progressTable(context, fiscalYear, body, query, {
      route: 'POST /ita/:fiscalYear/oit-assignments/import',
      kind: 'OIT_ASSIGNMENT',
      action: 'ita.oit_assignment_imported',
      fromCsv: oitFromCsv,
      analyse: async (read, office, units) => {
        const items = await this.prisma.itaOitItem.findMany({ where: { fiscalYear }, orderBy: { ordinal: 'asc' } });
        if (!items.length) throw new ItaFrameworkMissingError(fiscalYear);
        return analyseOitAssignment(read.input, read.source, { office, units, items });
      },
      save: async (tx, officeId, assignments, importId) => {
        const taken = await tx.itaOitAssignment.findMany({ where: { officeId, oitItemId: { in: assignments.map((a) => a.oitItemId) } }, include: { oitItem: true } });
        if (taken.length) throw new ItaAssignmentsExistError(fiscalYear, taken.map((a) => a.oitItem.code));
        await createAssignments(tx, officeId, fiscalYear, assignments, importId);
      },
    });
  }

  async iitAssignment(context: CallerContext, fiscalYear: number, body: ImportBody, query: ImportQueryDto) {
    return this.progressTable(context, fiscalYear, body, query, {
      route: 'POST /ita/:fiscalYear/iit-assignments/import',
      kind: 'IIT_ASSIGNMENT',
      action: 'ita.iit_assignment_imported',
      fromCsv: iitFromCsv,
      analyse: async (read, office, units) => {
        const indicators = await this.prisma.itaIndicator.findMany({ where: { fiscalYear }, orderBy: { ordinal: 'asc' } });
        if (!indicators.length) throw new ItaFrameworkMissingError(fiscalYear);
        return analyseIitAssignment(read.input, read.source, { office, units, indicators });
      },
      save: async (tx, officeId, assignments, importId) => {
        const taken = await tx.itaIndicatorAssignment.findMany({ where: { officeId, indicatorId: { in: assignments.map((a) => a.indicatorId) } }, include: { indicator: true }, orderBy: { indicator: { ordinal: 'asc' } } });
        if (taken.length) throw new ItaIndicatorAssignmentsExistError(fiscalYear, taken.map((a) => a.indicator.code));
        await createIndicatorAssignments(tx, officeId, fiscalYear, assignments, importId);
      },
    });
  }

  /** A progress table (OIT items, IIT indicators): read, analysed against the year's framework, refused or saved whole with its warnings, audited. */
  private async progressTable<T>(context: CallerContext, fiscalYear: number, body: ImportBody, query: ImportQueryDto, table: ProgressTableImport<T>) {
    const caller = await itaCaller(this.offices, context);
    const read = await importInput(body, fiscalYear, (csv) => table.fromCsv(csv, { fiscalYear }));
    const [office, units] = await Promise.all([this.office(caller), this.units(caller.officeId)]);
    const result = await table.analyse(read, office, units);
    const rows = acceptable(result, query.acceptWarnings === true);
    const hash = hashOf(read.input);
    return this.idempotency.run<ImportResult>(idempotencyScope(caller, context, table.route, { fiscalYear, hash, accept: query.acceptWarnings }), async (tx) => {
      const importId = await this.record(tx, caller, table.kind, fiscalYear, read, hash, result.warnings);
      await table.save(tx, caller.officeId, rows, importId);
      await recordChange(this.audit, tx, caller, context, {
        action: table.action,
        target: { type: 'ita_import', id: importId },
        payload: { fiscalYear, format: read.format, contentHash: hash, assignments: rows.length, warnings: result.warnings.map((w) => w.code), acceptedWarnings: query.acceptWarnings === true },
      });
      return { status: 201, body: { importId, fiscalYear, created: { assignments: rows.length }, warnings: result.warnings } };
    });
  }

  private async record(tx: Tx, caller: ItaCaller, kind: 'PLAN' | 'OIT_ASSIGNMENT' | 'IIT_ASSIGNMENT', fiscalYear: number, read: ImportInput, hash: string, warnings: readonly ImportWarning[]): Promise<string> {
    const row = await tx.itaImport.create({
      data: { officeId: caller.officeId, kind, fiscalYear, format: read.format, contentHash: hash, source: read.input as Prisma.InputJsonValue, warnings: warnings as unknown as Prisma.InputJsonValue, importedByPerson: caller.personId },
    });
    return row.id;
  }

  private async office(caller: ItaCaller) {
    const office = await this.prisma.office.findUniqueOrThrow({ where: { id: caller.officeId }, select: { nameTh: true, kind: true, website: true } });
    return { nameTh: office.nameTh, kind: office.kind as string, website: office.website };
  }

  private async units(officeId: string): Promise<OfficeUnit[]> {
    const units = await this.prisma.unit.findMany({ where: { officeId }, orderBy: [{ sortOrder: 'asc' }, { nameTh: 'asc' }], include: { parent: { select: { nameTh: true } } } });
    return units.map((u) => ({ id: u.id, nameTh: u.nameTh, parentNameTh: u.parent?.nameTh ?? null }));
  }
}

async function createFramework(tx: Tx, framework: Framework, hash: string, warnings: readonly ImportWarning[], subject: string): Promise<string> {
  const { fiscalYear } = framework;
  const created = await tx.itaFramework.create({
    data: { fiscalYear, nameTh: framework.nameTh, source: framework.source, contentHash: hash, warnings: warnings as unknown as Prisma.InputJsonValue, importedBySubject: subject },
  });
  const ids = new Map<string, string>();
  const byDepth = [...framework.indicators].sort((a, b) => a.codeNorm.split('.').length - b.codeNorm.split('.').length);
  for (const indicator of byDepth) {
    const row = await tx.itaIndicator.create({
      data: { frameworkId: created.id, fiscalYear, code: indicator.code, codeNorm: indicator.codeNorm, parentId: indicator.parentNorm ? ids.get(indicator.parentNorm)! : null, instrument: indicator.instrument, nameTh: indicator.nameTh, printedGroup: indicator.printedGroup, ordinal: indicator.ordinal },
    });
    ids.set(indicator.codeNorm, row.id);
  }
  await tx.itaOitItem.createMany({
    data: framework.items.map((item) => ({ frameworkId: created.id, fiscalYear, ordinal: item.ordinal, code: item.code, codeNorm: item.codeNorm, occurrence: item.occurrence, indicatorId: item.indicatorNorm ? ids.get(item.indicatorNorm)! : null, titleTh: item.titleTh, requirements: item.requirements })),
  });
  return created.id;
}

async function createPlan(tx: Tx, officeId: string, plan: ImportedPlan, importId: string): Promise<string> {
  const created = await tx.itaPlan.create({
    data: { officeId, fiscalYear: plan.fiscalYear, titleTh: plan.titleTh, titleFiscalYear: plan.titleFiscalYear, columns: plan.columns as unknown as Prisma.InputJsonValue, importId },
  });
  const measures = plan.measures.map((m) => ({ ...m, id: randomUUID() }));
  await tx.itaMeasure.createMany({
    data: measures.map((m) => ({ id: m.id, officeId, planId: created.id, ordinal: m.ordinal, label: m.label, titleTh: m.title, method: m.method, timeframe: m.timeframe, responsibleText: m.responsibleText, summary: m.summary, outcome: m.outcome, followUp: m.followUp, result: m.result })),
  });
  await tx.itaResponsibleUnit.createMany({ data: measures.flatMap((m) => m.units.map((u) => ({ officeId, measureId: m.id, unitId: u.unitId, textAsPublished: u.text }))) });
  return created.id;
}

async function createAssignments(tx: Tx, officeId: string, fiscalYear: number, assignments: readonly ImportedAssignment[], importId: string): Promise<void> {
  const rows = assignments.map((a) => ({ ...a, id: randomUUID() }));
  await tx.itaOitAssignment.createMany({
    data: rows.map((a) => ({ id: a.id, officeId, fiscalYear, oitItemId: a.oitItemId, responsibleText: a.responsibleText, status: a.status, progress: a.progress, importId })),
  });
  await tx.itaResponsibleUnit.createMany({ data: rows.flatMap((a) => a.units.map((u) => ({ officeId, assignmentId: a.id, unitId: u.unitId, textAsPublished: u.text }))) });
}

async function createIndicatorAssignments(tx: Tx, officeId: string, fiscalYear: number, assignments: readonly ImportedIndicatorAssignment[], importId: string): Promise<void> {
  const rows = assignments.map((a) => ({ ...a, id: randomUUID() }));
  await tx.itaIndicatorAssignment.createMany({
    data: rows.map((a) => ({ id: a.id, officeId, fiscalYear, indicatorId: a.indicatorId, indicatorText: a.indicatorText, approach: a.approach, responsibleText: a.responsibleText, timeframe: a.timeframe, status: a.status, progress: a.progress, importId })),
  });
  await tx.itaResponsibleUnit.createMany({ data: rows.flatMap((a) => a.units.map((u) => ({ officeId, indicatorAssignmentId: a.id, unitId: u.unitId, textAsPublished: u.text }))) });
}
