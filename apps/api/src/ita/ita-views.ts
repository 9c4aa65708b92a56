import type { Prisma } from '@prisma/client';
import type { EvidenceFileView } from './evidence-catalogue';

/** Why an item of the dashboard is not ready to show an assessor. */
export type Missing = 'NOT_ASSIGNED' | 'NO_RESPONSIBLE_UNIT' | 'NO_EVIDENCE' | 'NOT_APPROVED';

export const MISSING_TH: Record<Missing, string> = {
  NOT_ASSIGNED: 'ยังไม่ได้มอบหมายผู้รับผิดชอบ',
  NO_RESPONSIBLE_UNIT: 'ยังไม่ได้ระบุหน่วยงานที่รับผิดชอบ',
  NO_EVIDENCE: 'ยังไม่มีหลักฐาน',
  NOT_APPROVED: 'มีเอกสารที่ยังไม่ได้รับความเห็นชอบ',
};

export const PROGRESS_TH = { NOT_STARTED: 'ยังไม่ได้ดำเนินการ', IN_PROGRESS: 'อยู่ระหว่างดำเนินการ', DONE: 'ดำเนินการแล้ว' } as const;

export const REPORT_STATUS_TH: Record<string, string> = {
  PUBLISHED: 'ผู้บริหารเห็นชอบ ลงนาม และเผยแพร่แล้ว',
  DRAFT: 'ร่าง',
  IN_ROUTE: 'อยู่ระหว่างเสนอ',
  RETURNED: 'ส่งกลับทบทวน',
  REJECTED: 'ไม่อนุมัติ',
  CANCELLED: 'ยกเลิก',
  COMPLETED: 'สิ้นสุดเส้นทาง',
};

/** A report's status as people read it: PUBLISHED once published, else its route's, DRAFT before one. */
export function reportStatus(report: { publishedAt: Date | null; document: { route: { status: string } | null } }): { status: string; statusTh: string } {
  const status = report.publishedAt ? 'PUBLISHED' : (report.document.route?.status ?? 'DRAFT');
  return { status, statusTh: REPORT_STATUS_TH[status] ?? status };
}

/** How links are read with their document, for the dashboard and the bundles (shaped as LinkRow). */
export const LINKS = {
  include: { document: { select: { id: true, title: true, kind: true, currentVersionNo: true, route: { select: { status: true } } } } },
  orderBy: { createdAt: 'asc' },
} satisfies Prisma.ItaEvidenceLinkFindManyArgs;

export interface LinkRow {
  id: string;
  evidenceId: string | null;
  documentId: string | null;
  note: string | null;
  document: { id: string; title: string; kind: string; currentVersionNo: number; route: { status: string } | null } | null;
}

export interface EvidenceView {
  linkId: string;
  evidenceId: string;
  name: string | null;
  sha256: string | null;
  /** False when the file has been removed from the evidence room. */
  known: boolean;
  note: string | null;
}

export interface DocumentView {
  linkId: string;
  documentId: string;
  title: string;
  kind: string;
  versionNo: number;
  routeStatus: string | null;
  approved: boolean;
  note: string | null;
}

export function evidenceViews(links: readonly LinkRow[], files: Map<string, EvidenceFileView>): EvidenceView[] {
  return links.filter((l) => l.evidenceId).map((l) => {
    const file = files.get(l.evidenceId!);
    return { linkId: l.id, evidenceId: l.evidenceId!, name: file?.name ?? null, sha256: file?.sha256 ?? null, known: !!file, note: l.note };
  });
}

export function documentViews(links: readonly LinkRow[]): DocumentView[] {
  return links.filter((l) => l.document).map((l) => {
    const d = l.document!;
    const status = d.route?.status ?? null;
    return { linkId: l.id, documentId: d.id, title: d.title, kind: d.kind, versionNo: d.currentVersionNo, routeStatus: status, approved: status === 'COMPLETED', note: l.note };
  });
}

/** What an assessor would still ask for: no unit, no evidence at all, a linked document not yet approved. */
export function missingOf(item: { assigned: boolean; unitCount: number; evidence: readonly EvidenceView[]; documents: readonly DocumentView[] }): Missing[] {
  const missing: Missing[] = [];
  if (!item.assigned) missing.push('NOT_ASSIGNED');
  if (item.unitCount === 0) missing.push('NO_RESPONSIBLE_UNIT');
  if (!item.evidence.length && !item.documents.length) missing.push('NO_EVIDENCE');
  if (item.documents.some((d) => !d.approved)) missing.push('NOT_APPROVED');
  return missing;
}
