import { analyseFramework, analyseIitAssignment, analysePlan, foreignWebsites, iitFromCsv, type ImportWarning, JSON_SOURCE, needsAcceptance, numberingWarnings, officeReferenceWarnings, readCsv, readResponsible } from './index';
import { fixtureJson, fixtureText, PATUENG, PATUENG_UNITS } from './__testing__/fixtures';

/** Every warning by content, in the importer's order: an extra or a missing one fails. */
const listed = (warnings: readonly ImportWarning[]) => warnings.map((w) => [w.code, w.severity, w.rows, w.column, w.found]);

const indicators2568 = () => analyseFramework(fixtureJson('framework-2568.json'), JSON_SOURCE).value!.indicators.map((indicator, i) => ({ ...indicator, id: `indicator-${i + 1}` }));

async function iitTable() {
  const read = await readCsv(fixtureText('patueng-iit-2568.csv'));
  if (!read.ok) throw new Error(JSON.stringify(read.errors));
  return iitFromCsv(read.table, { fiscalYear: 2568 });
}

describe('ป่าตึง FY2568 IIT table (seed 001 lines 120–136, CSV)', () => {
  const context = () => ({ office: PATUENG, units: PATUENG_UNITS, indicators: indicators2568() });

  it('reads the 8 indicators with their แนวทาง, responsible units, period and the checked box as status', async () => {
    const table = await iitTable();
    const { errors, value } = analyseIitAssignment(table.input, table.source, context());
    expect(errors).toEqual([]);
    expect(value!.map((a) => [a.row, a.indicatorText, a.responsibleText, a.timeframe, a.status])).toEqual([
      [2, 'ตัวชี้วัดที่ ๑ การปฏิบัติหน้าที่', 'ทุกส่วนงาน', 'ต.ค. ๖๗ ถึง ก.ย. ๖๘', 'DONE'],
      [3, 'ตัวชี้วัดที่ ๒ การใช้งบประมาณ', 'สำนักปลัด / กองคลัง', 'ต.ค. ๖๗ ถึง ก.ย. ๖๘', 'DONE'],
      [4, 'ตัวชี้วัดที่ ๓ การใช้อำนาจ', 'สำนักปลัด', 'ต.ค. ๖๗ ถึง ก.ย. ๖๘', 'DONE'],
      [5, 'ตัวชี้วัดที่ ๔ การใช้ทรัพย์สินของทางราชการ', 'กองคลัง', 'ต.ค. ๖๗ ถึง ก.ย. ๖๘', 'DONE'],
      [6, 'ตัวชี้วัดที่ ๕ การแก้ไขปัญหาการทุจริต', 'สำนักปลัด', 'ต.ค. ๖๗ ถึง ก.ย. ๖๘', 'DONE'],
      [7, 'ตัวชี้วัดที่ ๖ คุณภาพการดำเนินงาน', 'สำนักปลัด', 'ต.ค. ๖๗ ถึง ก.ย. ๖๘', 'DONE'],
      [8, 'ตัวชี้วัดที่ ๗ ประสิทธิภาพการสื่อสาร', 'สำนักปลัด', 'ต.ค. ๖๗ ถึง ก.ย. ๖๘', 'DONE'],
      [9, 'ตัวชี้วัดที่ ๘ การปรับปรุงระบบการทำงาน', 'สำนักปลัด', 'ต.ค. ๖๗ ถึง ก.ย. ๖๘', 'DONE'],
    ]);
    expect(value!.map((a) => a.indicatorId)).toEqual(Array.from({ length: 8 }, (_, i) => `indicator-${i + 1}`));
    expect(value!.map((a) => a.units.map((u) => u.unitId))).toEqual([
      ['u-palad', 'u-finance', 'u-works', 'u-education', 'u-health'],
      ['u-palad', 'u-finance'],
      ['u-palad'],
      ['u-finance'],
      ['u-palad'],
      ['u-palad'],
      ['u-palad'],
      ['u-palad'],
    ]);
    expect(value![1].approach).toBe('๑. สร้างการรับรู้เกี่ยวกับการใช้จ่ายงบประมาณประจำปีให้บุคลากรในหน่วยงาน เช่น เผยแพร่ข้อมูลบนเว็บไซต์ของหน่วยงาน ๒. เปิดโอกาสให้บุคลากรภายในมีส่วนร่วมในการตรวจสอบการใช้งบประมาณ ๓. มีช่องทางเพื่อให้บุคลากรในหน่วยงานสามารถแจ้งเบาะแสที่สงสัย โดยมีมาตรการคุ้มครองผู้ร้องเรียน');
    expect(value![0].progress).toBe('- องค์การบริหารส่วนตำบลป่าตึง ได้จัดทำผังขั้นตอนการให้บริการประชาชน ณ จุดบริการ - ดำเนินการปฐมนิเทศให้แก่เจ้าหน้าที่ของหน่วยงานประชุมแลกเปลี่ยนเรียนรู้ร่วมกันเป็นระยะๆ - มีการทำบันทึกข้อตกลงในการปฏิบัติราชการเพื่อประเมินตัวชี้วัดการปฏิบัติงาน');
  });

  it('reports every inconsistency by content: ทุกส่วนงาน read as all units, I-13 (๖–๘ are EIT), I-15 spellings, I-16 https://Muangkun.go.th', async () => {
    const table = await iitTable();
    const { warnings } = analyseIitAssignment(table.input, table.source, context());
    expect(listed(warnings)).toEqual([
      ['W-RESPONSIBLE-ALL-UNITS', 'I', [2], 'ผู้รับผิดชอบ', 'ทุกส่วนงาน'],
      ['W-ITA-GROUP-MISMATCH', 'I', [7], 'ตัวชี้วัด', '๖ คุณภาพการดำเนินงาน in the IIT table'],
      ['W-ITA-GROUP-MISMATCH', 'I', [8], 'ตัวชี้วัด', '๗ ประสิทธิภาพการสื่อสาร in the IIT table'],
      ['W-ITA-GROUP-MISMATCH', 'I', [9], 'ตัวชี้วัด', '๘ การปรับปรุงระบบการทำงาน in the IIT table'],
      ['W-OFFICE-NAME-VARIANT', 'W', [4, 5], 'ความก้าวหน้าผลการดำเนินการ', 'องค์กรบริหารส่วนตำบลป่าตึง'],
      ['W-OFFICE-NAME-VARIANT', 'W', [8], 'แนวทางในการยกระดับการประเมิน', 'องค์กรการบริหารส่วนตำบลป่าตึง'],
      ['W-FOREIGN-OFFICE-REFERENCE', 'E', [8], 'ความก้าวหน้าผลการดำเนินการ', 'https://Muangkun.go.th'],
    ]);
    expect(warnings.find((w) => w.code === 'W-RESPONSIBLE-ALL-UNITS')!.expected).toBe('สำนักปลัด, กองคลัง, กองช่าง, กองการศึกษาฯ, กองสาธารณสุขฯ');
    expect(warnings.find((w) => w.code === 'W-FOREIGN-OFFICE-REFERENCE')).toMatchObject({ seedRef: 'I-16', expected: 'www.patueng.go.th' });
    expect(warnings.filter((w) => w.code === 'W-ITA-GROUP-MISMATCH').map((w) => [w.seedRef, w.expected])).toEqual([['I-13', 'EIT'], ['I-13', 'EIT'], ['I-13', 'EIT']]);
    expect(warnings.filter(needsAcceptance).map((w) => w.code)).toEqual(['W-OFFICE-NAME-VARIANT', 'W-OFFICE-NAME-VARIANT', 'W-FOREIGN-OFFICE-REFERENCE']);
  });

  it('without the office website a foreign site cannot be told from its own: only the names are reported', async () => {
    const table = await iitTable();
    const { warnings } = analyseIitAssignment(table.input, table.source, { ...context(), office: { ...PATUENG, website: null } });
    expect(warnings.map((w) => w.code)).not.toContain('W-FOREIGN-OFFICE-REFERENCE');
  });

  it('refuses by row: an OIT indicator, an unknown number, a row without a number, a repeated indicator, two boxes checked, an unknown column', () => {
    const row = (indicator: string, progress = '<input checked="" type="checkbox"/> ดำเนินการ') => ({ ตัวชี้วัด: indicator, ผู้รับผิดชอบ: 'สำนักปลัด', ความก้าวหน้าผลการดำเนินการ: progress });
    const refused = analyseIitAssignment(
      { fiscalYear: 2568, rows: [row('ตัวชี้วัดที่ ๙.๑ ข้อมูลพื้นฐาน'), row('ตัวชี้วัดที่ ๑๑ อื่น ๆ'), row('การปฏิบัติหน้าที่'), row('๓'), row('ตัวชี้วัดที่ ๓ การใช้อำนาจ'), row('ตัวชี้วัดที่ ๕ การแก้ไขปัญหาการทุจริต', '<input checked="" type="checkbox"/> ยังไม่ได้ดำเนินการ <input checked="" type="checkbox"/> ดำเนินการ')] },
      JSON_SOURCE,
      context(),
    );
    expect(refused.value).toBeNull();
    expect(refused.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [1, 'ตัวชี้วัด', 'ITA_INDICATOR_OIT'],
      [2, 'ตัวชี้วัด', 'ITA_INDICATOR_UNKNOWN'],
      [3, 'ตัวชี้วัด', 'ITA_INDICATOR_CODE_INVALID'],
      [5, 'ตัวชี้วัด', 'ITA_INDICATOR_DUPLICATE'],
      [6, 'ความก้าวหน้าผลการดำเนินการ', 'ITA_STATUS_UNKNOWN'],
    ]);
    const unknownColumn = analyseIitAssignment({ fiscalYear: 2568, rows: [{ ตัวชี้วัด: '๑', งบประมาณ: '5,000' }] }, JSON_SOURCE, context());
    expect(unknownColumn.errors).toEqual([expect.objectContaining({ column: 'งบประมาณ', code: 'ITA_COLUMN_UNKNOWN' })]);
  });

  it('I-14 and I-20 in a table of another office: a name other than the catalogue’s, the same progress under two indicators', () => {
    const progress = '<input type="checkbox"/> ยังไม่ได้ดำเนินการ <input checked="" type="checkbox"/> ดำเนินการ - จัดทำคู่มือ';
    const { warnings, value } = analyseIitAssignment(
      { fiscalYear: 2568, rows: [{ ตัวชี้วัด: 'ตัวชี้วัดที่ ๔ การใช้ทรัพย์สินของราชการ', ผู้รับผิดชอบ: 'กองคลัง', ความก้าวหน้า: progress }, { ตัวชี้วัด: '๕', ผู้รับผิดชอบ: 'คณะทำงาน', ความก้าวหน้า: progress }] },
      JSON_SOURCE,
      context(),
    );
    expect(value!.map((a) => a.status)).toEqual(['DONE', 'DONE']);
    expect(listed(warnings)).toEqual([
      ['W-INDICATOR-NAME-VARIANT', 'I', [1], 'ตัวชี้วัด', 'ตัวชี้วัดที่ ๔ การใช้ทรัพย์สินของราชการ'],
      ['W-RESPONSIBLE-UNMATCHED', 'I', [2], 'ผู้รับผิดชอบ', 'คณะทำงาน'],
      ['W-PROGRESS-COPY', 'W', [1, 2], 'ความก้าวหน้า', 'ตัวชี้วัดที่ ๔ การใช้ทรัพย์สินของราชการ, ๕: - จัดทำคู่มือ'],
    ]);
  });
});

describe('ป่าตึง FY2569 plan (seed 001 lines 235–252, JSON with its 5-column set)', () => {
  const { errors, warnings, value } = analysePlan(fixtureJson('patueng-plan-2569.json'), JSON_SOURCE, { office: PATUENG, units: PATUENG_UNITS, indicators: null });

  it('keeps the printed columns, the last one a follow-up plan; 6 measures labelled as printed, ๒ continued across the page', () => {
    expect(errors).toEqual([]);
    expect(value!.columns).toEqual([
      { header: 'มาตรการ/แนวทาง', field: 'title' },
      { header: 'วิธีการดำเนินการ', field: 'method' },
      { header: 'ผู้รับผิดชอบ', field: 'responsible' },
      { header: 'ระยะเวลาดำเนินการ', field: 'timeframe' },
      { header: 'การติดตามผล', field: 'followUp' },
    ]);
    expect(value!.measures.map((m) => [m.ordinal, m.label, m.timeframe, m.followUp])).toEqual([
      [1, '๑.', 'ต.ค.๖๘ ถึง ก.ย.๖๙', 'รายงานความก้าวหน้าและสรุปผลสิ้นปีงบประมาณ'],
      [2, '๒.', 'ต.ค.๖๘ ถึง ก.ย.๖๙', 'รายงานความก้าวหน้าทุก ๖ เดือนและสรุปผลสิ้นปีงบประมาณ'],
      [3, '๓.', 'ต.ค.๖๘ ถึง ก.ย.๖๙', 'รายงานผลการดำเนินการผ่านเว็บไซต์ patueng.go.th และรายงานความก้าวหน้าทุก ๖ เดือน และสรุปผลสิ้นปีงบประมาณ'],
      [4, '๔.', 'ต.ค.๖๘ ถึง ก.ย.๖๙', 'รายงานความก้าวหน้าทุก ๖ เดือน และสรุปผลสิ้นปีงบประมาณ'],
      [5, '๖.', 'ต.ค.๖๘ ถึง ก.ย.๖๙', 'รายงานความก้าวหน้าทุก ๖ เดือน และสรุปผลสิ้นปีงบประมาณ'],
      [6, '๗.', 'มี.ค. ๖๙', 'รายงานสรุปผลหลังแล้วเสร็จกิจกรรม'],
    ]);
    expect(value!.measures.every((m) => m.summary === null && m.outcome === null && m.result === null)).toBe(true);
    expect(value!.measures[1].method).toMatch(/และให้ประชาชน \/ มีส่วนร่วม\.\.\.\nมีส่วนร่วมในการเสนอแนะการปฏิบัติงานมานานแล้ว/u);
    expect(value!.measures[2].title).toBe('ปรับปรุงเว็บไซต์ อบรม.ปาดัง ให้สอดคล้องกับการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ (ITA)');
  });

  it('links R5 to the five units and measure ๗ to สำนักปลัด', () => {
    const r5 = ['u-palad', 'u-finance', 'u-education', 'u-works', 'u-health'];
    expect(value!.measures.map((m) => m.units.map((u) => u.unitId))).toEqual([r5, r5, r5, r5, r5, ['u-palad']]);
  });

  it('reports every inconsistency by content: the continuation row, I-18 ๔.→๖., I-15 อบรมฯ/อบรม., I-16 อบรม.ปาดัง on the rows that print it, I-17 next to it; patueng.go.th is the office’s own', () => {
    expect(listed(warnings)).toEqual([
      ['W-CONTINUATION-ROW', 'I', [3], null, 'มีส่วนร่วมในการเสนอแนะการปฏิบัติงานมานานแล้ว แต่ประชาชนอาจเข้าไม่ถึง และไม่ทราบชื่อเว็บไซต์, เพชบุ๊ก, ไลน์ อบรมฯ ทั้งนี้'],
      ['W-NUMBERING-GAP', 'W', [5, 6], 'มาตรการ/แนวทาง', '๔. → ๖.'],
      ['W-OFFICE-NAME-VARIANT', 'W', [3], 'วิธีการดำเนินการ', 'อบรมฯ'],
      ['W-OFFICE-NAME-VARIANT', 'W', [3], 'วิธีการดำเนินการ', 'อบรม.'],
      ['W-FOREIGN-OFFICE-REFERENCE', 'E', [3, 4], 'วิธีการดำเนินการ, มาตรการ/แนวทาง', 'อบรม.ปาดัง'],
      ['W-YEAR-STALE', 'I', [3], 'วิธีการดำเนินการ', 'ปีงบประมาณ ๒๕๖๕'],
    ]);
    expect(warnings.find((w) => w.code === 'W-NUMBERING-GAP')).toMatchObject({ seedRef: 'I-18', expected: '5', message: expect.stringContaining('the plan has 6 measures') });
    expect(warnings.find((w) => w.code === 'W-FOREIGN-OFFICE-REFERENCE')).toMatchObject({ seedRef: 'I-16', expected: 'องค์การบริหารส่วนตำบลป่าตึง' });
    expect(warnings.find((w) => w.code === 'W-YEAR-STALE')).toMatchObject({ seedRef: 'I-17', expected: 'ปีงบประมาณ 2569' });
  });
});

describe('reusable checks', () => {
  it('foreignWebsites: another office’s .go.th site as printed; the own site with or without www, its subdomains, and non-government sites are not reported', () => {
    const text = 'ผ่านทางเว็บไซต์ https://Muangkun.go.th และ www.patueng.go.th/ita, patueng.go.th. https://eservice.patueng.go.th facebook.com/patueng muangkun.go.thai.example';
    expect(foreignWebsites(text, PATUENG)).toEqual(['https://Muangkun.go.th']);
    expect(foreignWebsites(text, { ...PATUENG, website: 'https://www.Muangkun.go.th/' })).toEqual(['www.patueng.go.th/ita', 'patueng.go.th', 'https://eservice.patueng.go.th']);
  });

  it('officeReferenceWarnings: one warning per text found, with every row it is printed on', () => {
    const cells = [
      { text: 'ปรับปรุงเว็บไซต์ อบรม.ปาดัง', rows: [4], column: 'มาตรการ/แนวทาง' },
      { text: 'เว็บไซต์ อบรม.ปาดัง และ https://Muangkun.go.th', rows: [7], column: 'วิธีการดำเนินการ' },
    ];
    expect(listed(officeReferenceWarnings(cells, PATUENG, 'rows'))).toEqual([
      ['W-FOREIGN-OFFICE-REFERENCE', 'E', [4, 7], 'มาตรการ/แนวทาง, วิธีการดำเนินการ', 'อบรม.ปาดัง'],
      ['W-FOREIGN-OFFICE-REFERENCE', 'E', [7], 'วิธีการดำเนินการ', 'https://Muangkun.go.th'],
    ]);
  });

  it('numberingWarnings: a gap names the missing numbers, a repeat names both rows; unlabelled entries do not count', () => {
    const at = { section: null, column: 'ลำดับ' };
    expect(listed(numberingWarnings([{ label: '๑', rows: [2] }, { label: '', rows: [3] }, { label: '๔', rows: [4] }, { label: '๔', rows: [5, 6] }], at, 4))).toEqual([
      ['W-NUMBERING-DUPLICATE', 'W', [4, 5, 6], 'ลำดับ', '๔, ๔'],
      ['W-NUMBERING-GAP', 'W', [2, 4], 'ลำดับ', '๑ → ๔'],
    ]);
    expect(numberingWarnings([{ label: '1.', rows: [1] }, { label: '2.', rows: [2] }], at, 2)).toEqual([]);
  });

  it('readResponsible: ทุกส่วนงาน and ทุกสำนัก/กอง stand for each top-level unit; an office without units links nothing', () => {
    const reading = readResponsible('ทุกสำนัก/กอง', PATUENG_UNITS, PATUENG.nameTh);
    expect(reading.parts.map((p) => p.unitId)).toEqual(['u-palad', 'u-finance', 'u-works', 'u-education', 'u-health']);
    expect(reading.allUnits).toEqual({ found: 'ทุกสำนัก/กอง', units: ['สำนักปลัด', 'กองคลัง', 'กองช่าง', 'กองการศึกษาฯ', 'กองสาธารณสุขฯ'] });
    expect(readResponsible('ทุกส่วนงาน', [], PATUENG.nameTh)).toMatchObject({ parts: [{ text: 'ทุกส่วนงาน', unitId: null }], allUnits: null });
  });
});
