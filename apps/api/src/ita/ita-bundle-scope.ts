import { Injectable } from '@nestjs/common';
import type { Prisma } from '@prisma/client';
import type { Principal } from '@kasian/auth';
import { PrismaService } from '@kasian/database';
import type { IndexEntry } from '@kasian/ita';
import { CallerOffices } from '../identity/caller-offices';
import { ItaNotFoundError } from './ita.errors';
import { LINKS, type LinkRow, PROGRESS_TH, reportStatus } from './ita-views';

/** A measure or an OIT item in a bundle's scope, with what is linked to it: its index entry before the files are known. */
export interface ScopeEntry extends Omit<IndexEntry, 'status' | 'evidence' | 'documents'> {
  status: keyof typeof PROGRESS_TH;
  links: LinkRow[];
}

export interface ScopeReport {
  reportId: string;
  documentId: string;
  title: string;
  status: string;
  statusTh: string;
  publishedAt: Date | null;
}

/** What a measure or ITA-year bundle covers (ADR 0017). */
export interface BundleScope {
  officeId: string;
  office: { code: string; nameTh: string };
  fiscalYear: number;
  entries: ScopeEntry[];
  /** The year's latest report; bundled only when published. */
  report: ScopeReport | null;
}

type MeasureRow = Prisma.ItaMeasureGetPayload<{ include: { evidence: typeof LINKS } }>;

const measureEntry = (m: MeasureRow): ScopeEntry => ({
  type: 'measure',
  id: m.id,
  code: m.label,
  codeNorm: String(m.ordinal),
  titleTh: m.titleTh,
  status: m.status,
  statusTh: PROGRESS_TH[m.status],
  links: m.evidence,
});

/** Reads, for the caller's office, the measures and OIT items a bundle covers, their links and the year's report. */
@Injectable()
export class ItaBundleScope {
  constructor(
    private readonly prisma: PrismaService,
    private readonly offices: CallerOffices,
  ) {}

  /** One measure of the year's plan; 404 ITA_NOT_FOUND when the office has no such measure in that year. */
  async measure(principal: Principal, fiscalYear: number, measureId: string): Promise<BundleScope> {
    const { officeId } = await this.offices.of(principal);
    const measure = await this.prisma.itaMeasure.findFirst({ where: { id: measureId, officeId, plan: { fiscalYear } }, include: { evidence: LINKS } });
    if (!measure) throw new ItaNotFoundError(`The measure ${measureId} of fiscal year ${fiscalYear}`, `มาตรการนี้ในปีงบประมาณ ${fiscalYear}`, { fiscalYear, measureId });
    return this.scope(officeId, fiscalYear, [measureEntry(measure)]);
  }

  /**
   * Every measure of the office's plan and every OIT item of the year's framework (assigned or
   * not). A year with neither a framework nor a plan of the office is unknown: 404 ITA_NOT_FOUND.
   * A known year with nothing linked yet gives a valid bundle whose index lists what is missing.
   */
  async year(principal: Principal, fiscalYear: number): Promise<BundleScope> {
    const { officeId } = await this.offices.of(principal);
    const [framework, plan, items] = await Promise.all([
      this.prisma.itaFramework.findUnique({ where: { fiscalYear }, select: { id: true } }),
      this.prisma.itaPlan.findUnique({ where: { officeId_fiscalYear: { officeId, fiscalYear } }, include: { measures: { orderBy: { ordinal: 'asc' }, include: { evidence: LINKS } } } }),
      this.prisma.itaOitItem.findMany({ where: { fiscalYear }, orderBy: { ordinal: 'asc' }, include: { assignments: { where: { officeId }, include: { evidence: LINKS } } } }),
    ]);
    if (!framework && !plan) throw new ItaNotFoundError(`ITA data of fiscal year ${fiscalYear}`, `ข้อมูล ITA ของปีงบประมาณ ${fiscalYear}`, { fiscalYear });
    const oitItems = items.map((item): ScopeEntry => {
      const [assignment] = item.assignments;
      const status = assignment?.status ?? 'NOT_STARTED';
      return { type: 'oit-item', id: assignment?.id ?? null, code: item.code, codeNorm: item.codeNorm, occurrence: item.occurrence, titleTh: item.titleTh, status, statusTh: assignment ? PROGRESS_TH[status] : 'ยังไม่ได้มอบหมาย', links: assignment?.evidence ?? [] };
    });
    return this.scope(officeId, fiscalYear, [...(plan?.measures ?? []).map(measureEntry), ...oitItems]);
  }

  private async scope(officeId: string, fiscalYear: number, entries: ScopeEntry[]): Promise<BundleScope> {
    const [office, report] = await Promise.all([
      this.prisma.office.findUniqueOrThrow({ where: { id: officeId }, select: { code: true, nameTh: true } }),
      this.prisma.itaReport.findFirst({
        where: { officeId, fiscalYear },
        orderBy: [{ publishedAt: { sort: 'desc', nulls: 'last' } }, { createdAt: 'desc' }],
        include: { document: { select: { title: true, route: { select: { status: true } } } } },
      }),
    ]);
    return { officeId, office, fiscalYear, entries, report: report && reportOf(report) };
  }
}

type ReportRow = Prisma.ItaReportGetPayload<{ include: { document: { select: { title: true; route: { select: { status: true } } } } } }>;

function reportOf(report: ReportRow): ScopeReport {
  return { reportId: report.id, documentId: report.documentId, title: report.document.title, ...reportStatus(report), publishedAt: report.publishedAt };
}
