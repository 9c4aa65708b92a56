import { ITA_REPORT_TITLE } from '@kasian/documents';
import { validateContent } from '../documents/content.schema';
import { reportContent } from './report-content';

const office = { nameTh: 'องค์การบริหารส่วนตำบลป่าตึง', subdistrict: 'ป่าตึง', district: 'แม่จัน', province: 'เชียงราย' };
const measure = { label: '๓', titleTh: 'มาตรการกำกับดูแลและตรวจสอบการใช้ทรัพย์สินของราชการ', method: 'จากผลการประเมิน ITA ตัวชี้วัดที่ ๔', timeframe: 'ตลอดปีงบประมาณ', responsibleText: '๑. งานพัสดุ กอง ๒. คณะกรรมการทบทวน … คลัง', summary: 'สรุป', outcome: null, followUp: 'ไม่พิมพ์', result: null };
const columns = [
  { header: 'ลำดับ', field: 'label' as const },
  { header: 'มาตรการ/กิจกรรม', field: 'title' as const },
  { header: 'ผู้รับผิดชอบ', field: 'responsible' as const },
  { header: 'ผลลัพธ์หรือความสำเร็จในการ ดำเนินการ', field: 'outcome' as const },
];

describe('the ITA report generated from the model', () => {
  it('takes the year’s printed columns, the responsible text as published, and the published score in 001’s words', () => {
    const report = reportContent(office, 2568, columns, [measure], { scoreText: '๙๘.๘๐', level: 'ผ่านดี' });
    expect(report).toMatchObject({ title: ITA_REPORT_TITLE, address: 'ตำบลป่าตึง อำเภอแม่จัน จังหวัดเชียงราย', fiscalYear: 2568 });
    expect(report.intro).toBe('จากการประเมินผลคุณธรรมและความโปร่งใสในการดำเนินงานขององค์การบริหารส่วนตำบลป่าตึง ประจำปีงบประมาณ พ.ศ. ๒๕๖๘ โดยภาพรวมได้คะแนน ๙๘.๘๐ อยู่ในระดับ “ผ่านดี”');
    expect(report.columns).toEqual([{ key: 'label', header: 'ลำดับ' }, { key: 'title', header: 'มาตรการ/กิจกรรม' }, { key: 'responsible', header: 'ผู้รับผิดชอบ' }, { key: 'outcome', header: 'ผลลัพธ์หรือความสำเร็จในการ ดำเนินการ' }]);
    expect(report.rows[0].cells).toEqual({ label: '๓', title: measure.titleTh, responsible: measure.responsibleText, outcome: '' });
    expect(validateContent('REPORT', report as unknown as Record<string, unknown>)).toEqual(report);
  });

  it('prints the number in the measure column when the year has no ลำดับ column, and no score sentence without a published score', () => {
    const report = reportContent(office, 2569, columns.slice(1), [measure], null);
    expect(report.rows[0].cells.title).toBe(`๓ ${measure.titleTh}`);
    expect(report.intro).toBeUndefined();
  });

  it('refuses ITA report content with a cell outside its columns or without columns; other reports stay free-form', () => {
    const report = reportContent(office, 2568, columns, [measure], null);
    const refused = (content: unknown) => {
      try {
        validateContent('REPORT', content as Record<string, unknown>);
        return null;
      } catch (error) {
        return (error as { code: string; details: unknown }).details;
      }
    };
    expect(refused({ ...report, rows: [{ cells: { budget: '5,000' } }] })).toEqual([{ path: 'rows', code: 'CELL_OUTSIDE_COLUMNS' }]);
    expect(refused({ ...report, columns: [] })).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'columns' })]));
    expect(validateContent('REPORT', { anything: true })).toEqual({ anything: true });
  });
});
