import { stringify } from 'csv-stringify/sync';

/** Marks `index.json` of a measure or ITA-year bundle (ADR 0017). */
export const ITA_BUNDLE_INDEX_FORMAT = 'kasian-ita-bundle-index/1';

/** An evidence file linked to a measure or an OIT item, and where the bundle carries it. */
export interface IndexedEvidence {
  evidenceId: string;
  fileName: string | null;
  /** The file's name in the ZIP (under `ita/` or inside a bundled document's folder); null when it is not carried. */
  file: string | null;
  /** The SHA-256 recorded at upload (the manifest has the one of the bytes written). */
  recordedSha256: string | null;
  note: string | null;
  /** Why it is not in the bundle: REMOVED from the evidence room. */
  missing: 'REMOVED' | null;
}

/** A Kasian document linked to a measure or an OIT item, and its files in the bundle. */
export interface IndexedDocument {
  documentId: string;
  title: string;
  kind: string;
  routeStatus: string | null;
  /** Only approved documents are bundled. */
  approved: boolean;
  /** `documents/<id>/` when the document is bundled, else null. */
  folder: string | null;
  files: string[];
  note: string | null;
  /** Files of a bundled document that are not there, with the reason (a PDF the worker could not print). */
  missing: string[];
}

export interface IndexEntry {
  type: 'measure' | 'oit-item';
  /** The measure's or the assignment's id; null for an OIT item the office has not assigned. */
  id: string | null;
  /** As printed: the measure's number (`๑`, `๖.`) or the item's code (`๐๑๐`, `O๑`). */
  code: string;
  /** `O10` for items (with `occurrence` when the year prints a code twice); the ordinal for measures. */
  codeNorm: string;
  occurrence?: number;
  titleTh: string;
  status: string;
  statusTh: string;
  evidence: IndexedEvidence[];
  documents: IndexedDocument[];
}

export interface IndexedReport {
  reportId: string;
  documentId: string;
  title: string;
  status: string;
  statusTh: string;
  publishedAt: string | null;
  /** `documents/<id>/` when the report is published and so bundled, else null. */
  folder: string | null;
  files: string[];
  /** Files of it that are not in the bundle, with the reason (a PDF the worker could not print). */
  missing: string[];
}

export interface ItaBundleIndex {
  format: typeof ITA_BUNDLE_INDEX_FORMAT;
  fiscalYear: number;
  scope: 'measure' | 'year';
  office: { code: string; nameTh: string };
  report: IndexedReport | null;
  entries: IndexEntry[];
}

const CSV_COLUMNS = ['ประเภท', 'รหัส/ลำดับ', 'ชื่อ', 'ความก้าวหน้า', 'หลักฐาน/เอกสาร', 'ไฟล์ในชุดเอกสาร', 'SHA-256 ที่บันทึกไว้', 'หมายเหตุ'];
const TYPE_TH = { measure: 'มาตรการ', 'oit-item': 'ข้อ OIT' } as const;
const NOT_BUNDLED = 'ไม่อยู่ในชุดเอกสาร';
const REMOVED_TH = 'ไฟล์ถูกลบออกจากห้องหลักฐานแล้ว';
const notApproved = (routeStatus: string | null) => `ยังไม่ได้รับอนุมัติ (สถานะ ${routeStatus ?? 'ไม่มีเส้นทาง'}) จึงไม่อยู่ในชุดเอกสาร`;

function codeOf(entry: IndexEntry): string {
  return entry.type === 'oit-item' && entry.occurrence && entry.occurrence > 1 ? `${entry.code} (แถวที่ ${entry.occurrence})` : entry.code;
}

const notesOf = (...notes: (string | null | false)[]) => notes.filter(Boolean).join(' · ');
const missingNotes = (missing: readonly string[]) => missing.map((m) => `${NOT_BUNDLED}: ${m}`);

/** A document's rows: one per file it has in the bundle, or one saying why it has none. */
function documentRows(head: string[], title: string, files: readonly string[], notes: string): string[][] {
  const label = `เอกสาร: ${title}`;
  return files.length ? files.map((file) => [...head, label, file, '', notes]) : [[...head, label, '', '', notes]];
}

function rowsOf(entry: IndexEntry): string[][] {
  const head = [TYPE_TH[entry.type], codeOf(entry), entry.titleTh, entry.statusTh];
  const rows = [
    ...entry.evidence.map((e) => [...head, `หลักฐาน: ${e.fileName ?? e.evidenceId}`, e.file ?? '', e.recordedSha256 ?? '', notesOf(e.note, e.missing === 'REMOVED' && REMOVED_TH)]),
    ...entry.documents.flatMap((d) => documentRows(head, d.title, d.files, notesOf(d.note, !d.approved && notApproved(d.routeStatus), ...missingNotes(d.missing)))),
  ];
  return rows.length ? rows : [[...head, '', '', '', 'ยังไม่มีหลักฐาน']];
}

/**
 * The index as a spreadsheet people read: one row per file of each measure and OIT item (an item
 * without any, one row saying so), Thai headers, UTF-8 with a BOM so Excel shows the Thai.
 */
export function bundleIndexCsv(index: ItaBundleIndex): string {
  const { report } = index;
  const reportNotes = report && notesOf(!report.folder && 'ยังไม่ได้รับความเห็นชอบ จึงไม่อยู่ในชุดเอกสาร', ...missingNotes(report.missing));
  const reportRows = report ? documentRows(['รายงานผล ITA', '', report.title, report.statusTh], report.title, report.files, reportNotes!) : [];
  return stringify([...index.entries.flatMap(rowsOf), ...reportRows], { bom: true, header: true, columns: CSV_COLUMNS });
}
