import { Injectable } from '@nestjs/common';
import type { Prisma } from '@prisma/client';
import type { Principal } from '@kasian/auth';
import { PrismaService } from '@kasian/database';
import { CallerOffices } from '../identity/caller-offices';
import { EvidenceCatalogue, type EvidenceFileView } from './evidence-catalogue';
import { ItaNotFoundError } from './ita.errors';
import { documentViews, evidenceViews, LINKS, type LinkRow, type Missing, MISSING_TH, missingOf, PROGRESS_TH, reportStatus } from './ita-views';
const UNITS = { include: { unit: { select: { id: true, nameTh: true } } } } satisfies Prisma.ItaResponsibleUnitFindManyArgs;

type Units = { unit: { id: string; nameTh: string }; textAsPublished: string }[];
const unitViews = (units: Units) => units.map((u) => ({ id: u.unit.id, nameTh: u.unit.nameTh, textAsPublished: u.textAsPublished }));

/** Read side of the ITA room: frameworks, the office's plan, imports, scores, report and the dashboard. */
@Injectable()
export class ItaQueries {
  constructor(
    private readonly prisma: PrismaService,
    private readonly offices: CallerOffices,
    private readonly evidence: EvidenceCatalogue,
  ) {}

  async frameworks() {
    const rows = await this.prisma.itaFramework.findMany({ orderBy: { fiscalYear: 'desc' }, include: { _count: { select: { oitItems: true, indicators: true } } } });
    return rows.map((f) => ({ fiscalYear: f.fiscalYear, nameTh: f.nameTh, source: f.source, indicators: f._count.indicators, oitItems: f._count.oitItems, warnings: f.warnings, createdAt: f.createdAt }));
  }

  async framework(fiscalYear: number) {
    const framework = await this.prisma.itaFramework.findUnique({
      where: { fiscalYear },
      include: { indicators: { orderBy: { ordinal: 'asc' } }, oitItems: { orderBy: { ordinal: 'asc' }, include: { indicator: { select: { code: true, codeNorm: true } } } } },
    });
    if (!framework) throw new ItaNotFoundError(`The framework of ${fiscalYear}`, `กรอบการประเมินปีงบประมาณ ${fiscalYear}`, { fiscalYear });
    const parents = new Map(framework.indicators.map((i) => [i.id, i.codeNorm]));
    return {
      fiscalYear,
      nameTh: framework.nameTh,
      source: framework.source,
      warnings: framework.warnings,
      indicators: framework.indicators.map((i) => ({ code: i.code, codeNorm: i.codeNorm, parent: i.parentId ? parents.get(i.parentId) : null, instrument: i.instrument, nameTh: i.nameTh, printedGroup: i.printedGroup })),
      oitItems: framework.oitItems.map((i) => ({ code: i.code, codeNorm: i.codeNorm, occurrence: i.occurrence, ordinal: i.ordinal, indicator: i.indicator?.code ?? null, titleTh: i.titleTh, requirements: i.requirements })),
    };
  }

  async imports(principal: Principal, fiscalYear: number) {
    const { officeId } = await this.offices.of(principal);
    const rows = await this.prisma.itaImport.findMany({ where: { officeId, fiscalYear }, orderBy: { createdAt: 'asc' } });
    return rows.map((r) => ({ id: r.id, kind: r.kind, format: r.format, contentHash: r.contentHash, warnings: r.warnings, importedByPersonId: r.importedByPerson, createdAt: r.createdAt }));
  }

  async scores(principal: Principal, fiscalYear: number) {
    const { officeId } = await this.offices.of(principal);
    const rows = await this.prisma.itaScore.findMany({ where: { officeId, fiscalYear }, orderBy: [{ scope: 'asc' }, { code: 'asc' }] });
    return rows.map((s) => ({ scope: s.scope, code: s.code, score: s.score.toFixed(2), scoreText: s.scoreText, level: s.level, source: s.source }));
  }

  async report(principal: Principal, fiscalYear: number) {
    const { officeId } = await this.offices.of(principal);
    const report = await this.prisma.itaReport.findFirst({
      where: { officeId, fiscalYear },
      orderBy: { createdAt: 'desc' },
      include: { document: { select: { title: true, currentVersionNo: true, route: { select: { status: true } }, versions: { orderBy: { versionNo: 'desc' }, take: 1, select: { contentHash: true } } } } },
    });
    if (!report) throw new ItaNotFoundError(`The ITA report of ${fiscalYear}`, `รายงานผลการดำเนินการตามมาตรการของปีงบประมาณ ${fiscalYear}`, { fiscalYear });
    return {
      reportId: report.id,
      documentId: report.documentId,
      title: report.document.title,
      ...reportStatus(report),
      versionNo: report.document.currentVersionNo,
      contentHash: report.document.versions[0]?.contentHash ?? null,
      publishedAt: report.publishedAt,
      signature: report.publishedSignature,
    };
  }

  async plan(principal: Principal, fiscalYear: number) {
    const { officeId } = await this.offices.of(principal);
    const plan = await this.prisma.itaPlan.findUnique({ where: { officeId_fiscalYear: { officeId, fiscalYear } }, include: { measures: { orderBy: { ordinal: 'asc' }, include: { responsible: UNITS } } } });
    if (!plan) throw new ItaNotFoundError('The measures plan of this fiscal year', 'มาตรการของปีงบประมาณนี้', { fiscalYear });
    return {
      id: plan.id,
      fiscalYear,
      titleTh: plan.titleTh,
      titleFiscalYear: plan.titleFiscalYear,
      columns: plan.columns,
      measures: plan.measures.map(({ responsible, officeId: _office, planId: _plan, ...m }) => ({ ...m, statusTh: PROGRESS_TH[m.status], units: unitViews(responsible) })),
    };
  }

  /** Per measure, IIT-table indicator and OIT item of the year: status, responsible units, evidence, documents and what is missing. */
  async dashboard(principal: Principal, fiscalYear: number) {
    const { officeId } = await this.offices.of(principal);
    const [plan, items, assignments, scores, indicators] = await Promise.all([
      this.prisma.itaPlan.findUnique({ where: { officeId_fiscalYear: { officeId, fiscalYear } }, include: { measures: { orderBy: { ordinal: 'asc' }, include: { responsible: UNITS, evidence: LINKS } } } }),
      this.prisma.itaOitItem.findMany({ where: { fiscalYear }, orderBy: { ordinal: 'asc' }, include: { indicator: { select: { code: true } } } }),
      this.prisma.itaOitAssignment.findMany({ where: { officeId, fiscalYear }, include: { responsible: UNITS, evidence: LINKS } }),
      this.scores(principal, fiscalYear),
      this.indicatorRows(officeId, fiscalYear),
    ]);
    const links: LinkRow[] = [...(plan?.measures.flatMap((m) => m.evidence) ?? []), ...assignments.flatMap((a) => a.evidence)];
    const files = await this.evidence.describe(officeId, [...new Set(links.flatMap((l) => (l.evidenceId ? [l.evidenceId] : [])))]);
    const measures = (plan?.measures ?? []).map((m) => this.entry({ assigned: true, status: m.status, units: m.responsible, links: m.evidence, files }, { id: m.id, label: m.label, titleTh: m.titleTh, timeframe: m.timeframe, responsibleText: m.responsibleText }));
    const byItem = new Map(assignments.map((a) => [a.oitItemId, a]));
    const oitItems = items.map((item) => {
      const a = byItem.get(item.id);
      const identity = { code: item.code, codeNorm: item.codeNorm, occurrence: item.occurrence, indicator: item.indicator?.code ?? null, titleTh: item.titleTh, assignmentId: a?.id ?? null, responsibleText: a?.responsibleText ?? null, progress: a?.progress ?? null };
      return this.entry({ assigned: !!a, status: a?.status ?? 'NOT_STARTED', units: a?.responsible ?? [], links: a?.evidence ?? [], files }, identity);
    });
    const count = (list: { missing: string[] }[]) => ({ total: list.length, complete: list.filter((x) => !x.missing.length).length });
    return {
      fiscalYear,
      plan: plan ? { id: plan.id, titleTh: plan.titleTh, columns: plan.columns } : null,
      scores,
      summary: { measures: count(measures), indicators: count(indicators), oitItems: count(oitItems) },
      measures,
      indicators,
      oitItems,
    };
  }

  /** The year's IIT and EIT indicators (the IIT table of 001 lists both, I-13) with the office's row for each; no evidence is linked to them. */
  private async indicatorRows(officeId: string, fiscalYear: number) {
    const indicators = await this.prisma.itaIndicator.findMany({
      where: { fiscalYear, parentId: null, instrument: { in: ['IIT', 'EIT'] } },
      orderBy: { ordinal: 'asc' },
      include: { assignments: { where: { officeId }, include: { responsible: UNITS } } },
    });
    return indicators.map((indicator) => {
      const a = indicator.assignments[0];
      const units = a?.responsible ?? [];
      const missing: Missing[] = [...(a ? [] : (['NOT_ASSIGNED'] as const)), ...(units.length ? [] : (['NO_RESPONSIBLE_UNIT'] as const))];
      const status = a?.status ?? 'NOT_STARTED';
      return {
        code: indicator.code,
        codeNorm: indicator.codeNorm,
        nameTh: indicator.nameTh,
        instrument: indicator.instrument,
        assignmentId: a?.id ?? null,
        indicatorText: a?.indicatorText ?? null,
        approach: a?.approach ?? null,
        responsibleText: a?.responsibleText ?? null,
        timeframe: a?.timeframe ?? null,
        progress: a?.progress ?? null,
        status,
        statusTh: PROGRESS_TH[status],
        units: unitViews(units),
        missing,
        missingTh: missing.map((m) => MISSING_TH[m]),
      };
    });
  }

  private entry<T extends object>(source: { assigned: boolean; status: keyof typeof PROGRESS_TH; units: Units; links: LinkRow[]; files: Map<string, EvidenceFileView> }, identity: T) {
    const evidence = evidenceViews(source.links, source.files);
    const documents = documentViews(source.links);
    const missing = missingOf({ assigned: source.assigned, unitCount: source.units.length, evidence, documents });
    return { ...identity, status: source.status, statusTh: PROGRESS_TH[source.status], units: unitViews(source.units), evidence, documents, missing, missingTh: missing.map((m) => MISSING_TH[m]) };
  }
}
