import { readFileSync } from 'node:fs';
import { ITA_REPORT_FORM, ITA_REPORT_TITLE, type ItaMeasuresReport } from '../report/ita-report';

const FIELDS = ['label', 'title', 'method', 'timeframe', 'responsible', 'summary', 'outcome'] as const;
const source = JSON.parse(readFileSync(new URL('../../../../test/fixtures/ita/patueng-report-2568.json', import.meta.url), 'utf8')) as { columns: string[]; rows: Record<string, string>[] };

/** `<p>` paragraphs of the seed's extraction become lines; nothing else changes. */
const paragraphs = (cell: string) => cell.replace(/<\/p>\s*<p>/g, '\n').replace(/<\/?p>/g, '').trim();

/** The FY2568 report of seed 001 (three measures, its seven printed columns), as Kasian generates it. */
export const ITA_REPORT_001: ItaMeasuresReport = {
  form: ITA_REPORT_FORM,
  title: ITA_REPORT_TITLE,
  organisation: 'องค์การบริหารส่วนตำบลป่าตึง',
  address: 'ตำบลป่าตึง อำเภอแม่จัน จังหวัดเชียงราย',
  fiscalYear: 2568,
  intro: 'จากการประเมินผลคุณธรรมและความโปร่งใสในการดำเนินงานขององค์การบริหารส่วนตำบลป่าตึง ประจำปีงบประมาณ พ.ศ. ๒๕๖๘ โดยภาพรวมได้คะแนน ๙๘.๘๐ อยู่ในระดับ “ผ่านดี”',
  columns: source.columns.map((header, i) => ({ key: FIELDS[i], header })),
  rows: source.rows.map((row) => ({ cells: Object.fromEntries(source.columns.map((header, i) => [FIELDS[i], paragraphs(row[header])])) })),
};
