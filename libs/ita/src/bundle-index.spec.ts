import { parse } from 'csv-parse/sync';
import { bundleIndexCsv, type IndexEntry, ITA_BUNDLE_INDEX_FORMAT, type ItaBundleIndex } from './bundle-index';

const measure: IndexEntry = {
  type: 'measure',
  id: 'm1',
  code: '๑.',
  codeNorm: '1',
  titleTh: 'มาตรการลดขั้นตอนในการให้บริการ',
  status: 'DONE',
  statusTh: 'ดำเนินการแล้ว',
  evidence: [
    { evidenceId: 'e1', fileName: 'ภาพกิจกรรม.pdf', file: 'ita/evidence/e1/ภาพกิจกรรม.pdf', recordedSha256: 'a'.repeat(64), note: 'ภาพ, วันที่ ๑', missing: null },
    { evidenceId: 'e2', fileName: null, file: null, recordedSha256: null, note: null, missing: 'REMOVED' },
  ],
  documents: [
    { documentId: 'd1', title: 'ขออนุมัติ', kind: 'MEMO', routeStatus: 'COMPLETED', approved: true, folder: 'documents/d1/', files: ['documents/d1/pdf/memo-v1.pdf', 'documents/d1/route-timeline.json'], note: null, missing: [] },
    { documentId: 'd2', title: 'ร่างคำสั่ง', kind: 'ORDER', routeStatus: 'IN_ROUTE', approved: false, folder: null, files: [], note: null, missing: [] },
  ],
};

const item = (code: string, occurrence: number): IndexEntry => ({ type: 'oit-item', id: null, code, codeNorm: 'O15', occurrence, titleTh: 'ประมวลจริยธรรม', status: 'NOT_STARTED', statusTh: 'ยังไม่ได้มอบหมาย', evidence: [], documents: [] });

const index = (overrides: Partial<ItaBundleIndex> = {}): ItaBundleIndex => ({
  format: ITA_BUNDLE_INDEX_FORMAT,
  fiscalYear: 2568,
  scope: 'year',
  office: { code: 'patueng', nameTh: 'องค์การบริหารส่วนตำบลป่าตึง' },
  report: null,
  entries: [measure, item('๐๑๕', 2)],
  ...overrides,
});

const rowsOf = (csv: string) => parse(csv, { bom: true }) as string[][];

describe('the bundle index as a Thai spreadsheet', () => {
  it('starts with a BOM and the Thai header row', () => {
    const csv = bundleIndexCsv(index());
    expect(csv.startsWith('\ufeffประเภท,รหัส/ลำดับ,ชื่อ,ความก้าวหน้า,หลักฐาน/เอกสาร,ไฟล์ในชุดเอกสาร,SHA-256 ที่บันทึกไว้,หมายเหตุ\n')).toBe(true);
  });

  it('has one row per file of each measure, says why a file or a document is not there, and one row for an item without any', () => {
    const [, ...rows] = rowsOf(bundleIndexCsv(index()));
    const head = ['มาตรการ', '๑.', 'มาตรการลดขั้นตอนในการให้บริการ', 'ดำเนินการแล้ว'];
    expect(rows).toEqual([
      [...head, 'หลักฐาน: ภาพกิจกรรม.pdf', 'ita/evidence/e1/ภาพกิจกรรม.pdf', 'a'.repeat(64), 'ภาพ, วันที่ ๑'],
      [...head, 'หลักฐาน: e2', '', '', 'ไฟล์ถูกลบออกจากห้องหลักฐานแล้ว'],
      [...head, 'เอกสาร: ขออนุมัติ', 'documents/d1/pdf/memo-v1.pdf', '', ''],
      [...head, 'เอกสาร: ขออนุมัติ', 'documents/d1/route-timeline.json', '', ''],
      [...head, 'เอกสาร: ร่างคำสั่ง', '', '', 'ยังไม่ได้รับอนุมัติ (สถานะ IN_ROUTE) จึงไม่อยู่ในชุดเอกสาร'],
      ['ข้อ OIT', '๐๑๕ (แถวที่ 2)', 'ประมวลจริยธรรม', 'ยังไม่ได้มอบหมาย', '', '', '', 'ยังไม่มีหลักฐาน'],
    ]);
  });

  it('ends with the report’s files, or says it is not approved yet', () => {
    const report = { reportId: 'r1', documentId: 'd9', title: 'รายงานผล', status: 'PUBLISHED', statusTh: 'เผยแพร่แล้ว', publishedAt: '2025-10-21T03:00:00.000Z', folder: 'documents/d9/', files: ['documents/d9/route-timeline.json'], missing: ['documents/d9/pdf/report-v1.pdf: not printable'] };
    expect(rowsOf(bundleIndexCsv(index({ entries: [], report }))).slice(1)).toEqual([
      ['รายงานผล ITA', '', 'รายงานผล', 'เผยแพร่แล้ว', 'เอกสาร: รายงานผล', 'documents/d9/route-timeline.json', '', 'ไม่อยู่ในชุดเอกสาร: documents/d9/pdf/report-v1.pdf: not printable'],
    ]);
    const draft = { ...report, status: 'IN_ROUTE', statusTh: 'อยู่ระหว่างเสนอ', publishedAt: null, folder: null, files: [], missing: [] };
    expect(rowsOf(bundleIndexCsv(index({ entries: [], report: draft }))).slice(1)).toEqual([
      ['รายงานผล ITA', '', 'รายงานผล', 'อยู่ระหว่างเสนอ', 'เอกสาร: รายงานผล', '', '', 'ยังไม่ได้รับความเห็นชอบ จึงไม่อยู่ในชุดเอกสาร'],
    ]);
  });
});
