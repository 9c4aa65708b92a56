import { analyseFramework, analyseOitAssignment, analysePlan, type CatalogueItem, frameworkFromCsv, type ImportWarning, JSON_SOURCE, needsAcceptance, oitFromCsv, planFromCsv, readCsv } from './index';
import { fixtureJson, fixtureText, PATUENG, PATUENG_UNITS, SANMAKET, SANMAKET_UNITS } from './__testing__/fixtures';

const byCode = (warnings: readonly ImportWarning[], code: string) => warnings.filter((w) => w.code === code);
const one = (warnings: readonly ImportWarning[], code: string) => {
  const found = byCode(warnings, code);
  expect(found).toHaveLength(1);
  return found[0];
};

async function csv(name: string) {
  const read = await readCsv(fixtureText(name));
  if (!read.ok) throw new Error(JSON.stringify(read.errors));
  return read.table;
}

const framework2568 = () => analyseFramework(fixtureJson('framework-2568.json'), JSON_SOURCE);
const catalogue = (items: readonly { code: string; codeNorm: string; occurrence: number; titleTh: string }[]): CatalogueItem[] => items.map((item, i) => ({ ...item, id: `item-${i + 1}` }));

describe('framework FY2568 (seed 001, JSON)', () => {
  const { errors, warnings, value } = framework2568();

  it('reads 10 indicators, 7 sub-indicators and 28 rows, keeping both ๐๑๕ rows with occurrence 1 and 2', () => {
    expect(errors).toEqual([]);
    expect(value!.indicators).toHaveLength(17);
    expect(value!.items).toHaveLength(28);
    expect(value!.items.filter((i) => i.codeNorm === 'O15').map((i) => [i.code, i.occurrence, i.titleTh])).toEqual([
      ['๐๑๕', 1, 'รายงานผลการบริหารและพัฒนาทรัพยากรบุคคลประจำปี'],
      ['๐๑๕', 2, 'ประมวลจริยธรรมและการขับเคลื่อนจริยธรรม'],
    ]);
    expect(value!.items.find((i) => i.code === '๐๑๐')).toMatchObject({ codeNorm: 'O10', indicatorNorm: '9.2' });
  });

  it('I-11: the duplicated ๐๑๕ and the missing O16 are errors-class warnings (E) naming both rows', () => {
    expect(one(warnings, 'W-CODE-DUPLICATE')).toMatchObject({ severity: 'E', seedRef: 'I-11', rows: [15, 16], found: '๐๑๕ รายงานผลการบริหารและพัฒนาทรัพยากรบุคคลประจำปี | ๐๑๕ ประมวลจริยธรรมและการขับเคลื่อนจริยธรรม' });
    expect(one(warnings, 'W-CODE-GAP')).toMatchObject({ severity: 'E', found: '๐๑๕ → ๐๑๗', expected: 'O16', rows: [16, 17] });
  });

  it('I-12: ๐๑ and ๐๑๐ differ in width (information: the leading ๐ is the letter O)', () => {
    expect(one(warnings, 'W-CODE-WIDTH')).toMatchObject({ severity: 'I', found: '๐๑, ๐๑๐' });
  });

  it('I-13: indicators ๖–๘ printed under "ประเด็นการประเมิน IIT" are EIT', () => {
    expect(byCode(warnings, 'W-ITA-GROUP-MISMATCH').map((w) => [w.rows[0], w.expected, w.found])).toEqual([
      [6, 'EIT', '๖ คุณภาพการดำเนินงาน under "ประเด็นการประเมิน IIT"'],
      [7, 'EIT', '๗ ประสิทธิภาพการสื่อสาร under "ประเด็นการประเมิน IIT"'],
      [8, 'EIT', '๘ การปรับปรุงระบบการทำงาน under "ประเด็นการประเมิน IIT"'],
    ]);
  });

  it('I-19: the ๐๑๓ requirements end mid-sentence ("…ครอบคลุมใน")', () => {
    const truncated = one(warnings, 'W-TEXT-TRUNCATED');
    expect(truncated).toMatchObject({ severity: 'W', rows: [13], column: 'requirements' });
    expect(truncated.found.endsWith('ที่มีข้อมูลครอบคลุมใน')).toBe(true);
  });

  it('needs acceptance (E and W present)', () => {
    expect(warnings.some(needsAcceptance)).toBe(true);
  });
});

describe('framework FY2566 (seed 002, CSV)', () => {
  it('I-31: O๑…O๒๕ and 026…043 write the letter O two ways, รอบ ๖ เดือน and รอบ 6 เดือน the digits two ways, named with their CSV lines; nothing else', async () => {
    const converted = frameworkFromCsv(await csv('framework-2566.csv'), { fiscalYear: 2566, nameTh: 'ITA 2566' });
    const { errors, warnings, value } = analyseFramework(converted.input, converted.source);
    expect(errors).toEqual([]);
    expect(value!.items.map((i) => i.codeNorm)).toEqual(Array.from({ length: 43 }, (_, i) => `O${i + 1}`));
    expect(warnings.map((w) => w.code)).toEqual(['W-CODE-MIXED-SCRIPT', 'W-DIGITS-MIXED']);
    expect(warnings[0]).toMatchObject({ severity: 'I', column: 'รหัส', found: 'O๑…O๒๕ (rows 2–26: Latin O + Thai digits); 026…043 (rows 27–44: Arabic 0 + Arabic digits)' });
    expect(warnings[1]).toMatchObject({
      severity: 'I',
      seedRef: 'I-31',
      rows: [13, 38],
      found: 'รายงานการกำกับติดตามการดำเนินงานและการใช้งบประมาณประจำปีรอบ ๖ เดือน (row 13) · รายงานการกำกับติดตามการดำเนินการป้องกันการทุจริตประจำปีรอบ 6 เดือน (row 38)',
    });
    expect(warnings.some(needsAcceptance)).toBe(false);
  });

  it('refuses with row-level errors: an empty title, a bad code, an unknown kind and an unknown column', async () => {
    const read = await readCsv('ประเภท,รหัส,ชื่อ\nข้อ,O๑,\nข้อ,X9,ข้อมูล\nหัวข้อ,O๓,ข้อมูล\n');
    if (!read.ok) throw new Error('readable CSV');
    const broken = frameworkFromCsv(read.table, { fiscalYear: 2566, nameTh: 'x' });
    expect(broken.errors).toEqual([expect.objectContaining({ row: 4, column: 'ประเภท', code: 'ITA_ROW_KIND_UNKNOWN', value: 'หัวข้อ' })]);
    const analysed = analyseFramework(broken.input, broken.source);
    expect(analysed.errors).toEqual([expect.objectContaining({ row: 2, column: 'ชื่อ', code: 'ITA_FIELD_MISSING' })]);
    const badCode = analyseFramework({ fiscalYear: 2566, nameTh: 'x', oitItems: [{ code: 'X9', titleTh: 'ข้อมูล' }] }, JSON_SOURCE);
    expect(badCode.errors).toEqual([expect.objectContaining({ section: 'oitItems', row: 1, column: 'code', code: 'ITA_CODE_INVALID', messageTh: expect.stringContaining('X9') })]);
    const unknownColumn = frameworkFromCsv({ headers: ['ประเภท', 'รหัส', 'ชื่อ', 'หมายเหตุ'], records: [] }, { fiscalYear: 2566, nameTh: 'x' });
    expect(unknownColumn.errors).toEqual([expect.objectContaining({ row: 1, column: 'หมายเหตุ', code: 'ITA_COLUMN_UNKNOWN' })]);
  });

  it('a malformed CSV is one error with its line', async () => {
    const read = await readCsv('ข้อ,ข้อมูล\nO๑,"โครงสร้าง\nO๒,x\n');
    expect(read.ok).toBe(false);
    expect(!read.ok && read.errors[0]).toMatchObject({ code: 'ITA_CSV_MALFORMED' });
  });
});

describe('ป่าตึง FY2568 measures report (seed 001, JSON with its 7-column set)', () => {
  const indicators = framework2568().value!.indicators;
  const { errors, warnings, value } = analysePlan(fixtureJson('patueng-report-2568.json'), JSON_SOURCE, { office: PATUENG, units: PATUENG_UNITS, indicators });

  it('keeps the printed column set and the three measures, the responsible text as published', () => {
    expect(errors).toEqual([]);
    expect(value!.columns.map((c) => c.field)).toEqual(['label', 'title', 'method', 'timeframe', 'responsible', 'summary', 'outcome']);
    expect(value!.columns[5].header).toBe('สรุปผลการดำเนินการตาม มาตรการหรือกิจกรรม');
    expect(value!.measures.map((m) => [m.label, m.timeframe])).toEqual([['๑', 'ตลอด ปีงบประมาณ'], ['๒', 'ตลอดปีงบประมาณ'], ['๓', 'ตลอดปีงบประมาณ']]);
    expect(value!.measures[2].responsibleText).toBe('๑. งานพัสดุ กอง ๒. คณะกรรมการทบทวน ปรับปรุงการจัดทำคู่มือการใช้ทรัพย์สินของทางราชการ คลัง');
    expect(value!.measures.map((m) => m.units.map((u) => u.unitId))).toEqual([['u-palad'], ['u-palad'], []]);
  });

  it('I-14: indicators ๘ and ๔ cited by other names than the catalogue (matched by number); ๙.๔ with a wrap space is the same name', () => {
    expect(byCode(warnings, 'W-INDICATOR-NAME-VARIANT').map((w) => [w.rows[0], w.found, w.expected])).toEqual([
      [2, 'ตัวชี้วัดที่ ๘ การปรับปรุงการทำงาน', 'ตัวชี้วัดที่ ๘ การปรับปรุงระบบการทำงาน'],
      [3, 'ตัวชี้วัดที่ ๔ การใช้ทรัพย์สินของราชการ', 'ตัวชี้วัดที่ ๔ การใช้ทรัพย์สินของทางราชการ'],
    ]);
  });

  it('I-15: three other spellings of the office, each with its row and column', () => {
    expect(byCode(warnings, 'W-OFFICE-NAME-VARIANT').map((w) => [w.found, w.rows, w.column])).toEqual([
      ['องค์การบริหารส่วนตำบล ปาตึง', [1], 'สรุปผลการดำเนินการตาม มาตรการหรือกิจกรรม'],
      ['อบต. ปาตึง', [1], 'ผลลัพธ์หรือความสำเร็จในการ ดำเนินการ'],
      ['อบรม.ป่าตึง', [2], 'วิธีดำเนินการ'],
    ]);
  });

  it('I-22: "งานพัสดุ กอง … คลัง" is suggested as "งานพัสดุ กองคลัง" but not linked; the committee and an action phrase name no unit', () => {
    expect(one(warnings, 'W-CELL-WRAP-SPLIT')).toMatchObject({ severity: 'I', rows: [3], found: 'งานพัสดุ กอง … คลัง', expected: 'งานพัสดุ กองคลัง' });
    expect(byCode(warnings, 'W-RESPONSIBLE-UNMATCHED').map((w) => w.found)).toEqual([
      'แต่งตั้งเจ้าหน้าที่รับผิดชอบงานประชาสัมพันธ์ เพื่อคอยเผยแพร่ข้อมูลข่าวสารในด้านต่างๆ',
      'งานพัสดุ กอง',
      'คณะกรรมการทบทวน ปรับปรุงการจัดทำคู่มือการใช้ทรัพย์สินของทางราชการ คลัง',
    ]);
  });

  it('reports nothing else: no false truncation on "…เจ้าหน้าที่", no dates outside "ตลอดปีงบประมาณ" FY2568', () => {
    expect([...new Set(warnings.map((w) => w.code))].sort()).toEqual(['W-CELL-WRAP-SPLIT', 'W-INDICATOR-NAME-VARIANT', 'W-OFFICE-NAME-VARIANT', 'W-RESPONSIBLE-UNMATCHED']);
  });
});

describe('สันมะเค็ด execution report (seed 002, titled FY2565, content FY2566)', () => {
  const { errors, warnings, value } = analysePlan(fixtureJson('sanmaket-execution-2566.json'), JSON_SOURCE, { office: SANMAKET, units: SANMAKET_UNITS, indicators: null });

  it('reads the row with an empty first cell as the continuation of measure ๒', () => {
    expect(errors).toEqual([]);
    expect(value!.measures.map((m) => m.label)).toEqual(['๑.', '๒.', '๓.']);
    expect(value!.measures[1].method).toContain('๓. มีการประชาสัมพันธ์ให้เจ้าหน้าที่และประชาชนทราบในการปฏิบัติหน้าที่');
    expect(one(warnings, 'W-CONTINUATION-ROW')).toMatchObject({ severity: 'I', rows: [3], expected: 'part of measure ๒.' });
    expect(value!.measures.every((m) => m.units.map((u) => u.unitId).join() === 's-palad')).toBe(true);
  });

  it('I-23: the title says ๒๕๖๕, the content is FY2566; both years are kept', () => {
    expect(one(warnings, 'W-YEAR-CONTEXT-MISMATCH')).toMatchObject({ severity: 'W', seedRef: 'I-23', expected: 'ปีงบประมาณ 2566' });
    expect(value!.titleFiscalYear).toBe(2565);
  });

  it('I-24: the order is cited as ๑๔๒/๒๕๖๖ but attached as ๑๕๒ /๒๕๖๖ (a document number cited two ways)', () => {
    expect(one(warnings, 'W-DOCREF-MISMATCH')).toMatchObject({ severity: 'E', rows: [1], column: 'ผลการดำเนินการ', found: 'ที่ ๑๔๒/๒๕๖๖', expected: 'ที่ ๑๕๒ /๒๕๖๖' });
  });

  it('I-28 and I-29: the duplicated period is read once; the meeting of ๑๙ สิงหาคม ๒๕๖๕ is before "ม.ค. ๒๕๖๖ เป็นต้นไป"', () => {
    expect(one(warnings, 'W-DUPLICATED-TEXT')).toMatchObject({ severity: 'I', found: 'ม.ค. ๒๕๖๖ – เม.ย. ๒๕๖๖ ม.ค. ๒๕๖๖ – เม.ย. ๒๕๖๖', expected: 'ม.ค. ๒๕๖๖ – เม.ย. ๒๕๖๖' });
    expect(one(warnings, 'W-DATE-OUTSIDE-PERIOD')).toMatchObject({ severity: 'W', rows: [1], found: 'เมื่อวันที่ ๑๙ สิงหาคม พ.ศ. ๒๕๖๕', expected: 'ม.ค. ๒๕๖๖ เป็นต้นไป' });
  });

  it('I-32: URLs in Thai digits and the Christian-era ITA ๒๐๒๓, never converted', () => {
    expect(byCode(warnings, 'W-URL-DIGITS').map((w) => w.found)).toEqual(['https://www.sanmaket.go.th/index/load_data/?doc=๑๓๗๙๗', 'https://www.sanmaket.go.th/index/index.php?page=ita๒๐๒๓']);
    expect(byCode(warnings, 'W-CE-YEAR').map((w) => w.found)).toEqual(['ITA ๒๐๒๓', 'ita๒๐๒๓']);
    expect(value!.measures[1].result).toContain('?doc=๑๓๗๙๗');
  });
});

describe('OIT assignment tables', () => {
  it('สันมะเค็ด FY2566 (seed 002): all 43 rows assigned to the unit named, I-31 reported with the CSV lines around the blank line', async () => {
    const framework = frameworkFromCsv(await csv('framework-2566.csv'), { fiscalYear: 2566, nameTh: 'x' });
    const items = catalogue(analyseFramework(framework.input, framework.source).value!.items);
    const converted = oitFromCsv(await csv('sanmaket-oit-2566.csv'), { fiscalYear: 2566 });
    const { errors, warnings, value } = analyseOitAssignment(converted.input, converted.source, { office: SANMAKET, units: SANMAKET_UNITS, items });
    expect(errors).toEqual([]);
    expect(value).toHaveLength(43);
    const unitOf = (code: string) => value!.find((a) => a.code === code)!.units.map((u) => u.unitId);
    expect([unitOf('O๑'), unitOf('O๔'), unitOf('O๑๙'), unitOf('O๒๓'), unitOf('026'), unitOf('043')]).toEqual([['s-general'], ['s-policy'], ['s-procurement'], ['s-personnel'], ['s-personnel'], ['s-legal']]);
    expect(value!.find((a) => a.code === '026')).toMatchObject({ row: 28, responsibleText: 'งานการเจ้าหน้าที่ สำนักปลัด' });
    expect(warnings.map((w) => [w.code, w.found])).toEqual([
      ['W-CODE-MIXED-SCRIPT', 'O๑…O๒๕ (rows 2–26: Latin O + Thai digits); 026…043 (rows 28–45: Arabic 0 + Arabic digits)'],
      ['W-DIGITS-MIXED', 'รายงานการกำกับติดตามการดำเนินงานและการใช้งบประมาณประจำปีรอบ ๖ เดือน (row 13) · รายงานการกำกับติดตามการดำเนินการป้องกันการทุจริตประจำปีรอบ 6 เดือน (row 39)'],
    ]);
  });

  it('ป่าตึง FY2568 (seed 001): the checked box gives the status, both ๐๑๕ rows map to their own item, I-20 copies are named', async () => {
    const items = catalogue(framework2568().value!.items);
    const converted = oitFromCsv(await csv('patueng-oit-2568.csv'), { fiscalYear: 2568 });
    const { errors, warnings, value } = analyseOitAssignment(converted.input, converted.source, { office: PATUENG, units: PATUENG_UNITS, items });
    expect(errors).toEqual([]);
    expect(value!.every((a) => a.status === 'DONE')).toBe(true);
    expect(value!.filter((a) => a.code === '๐๑๕').map((a) => a.oitItemId)).toEqual(['item-15', 'item-16']);
    expect(value!.find((a) => a.code === '๐๘')!.units.map((u) => u.unitId)).toEqual(['u-palad', 'u-works', 'u-finance']);
    expect(value!.find((a) => a.code === '๐๑')!.progress).toBe('- เปิดเผยข้อมูลบนเว็บไซต์หลักของหน่วยงานครบตามองค์ประกอบ');
    expect(byCode(warnings, 'W-PROGRESS-COPY').map((w) => [w.rows, w.found.split(':')[0]])).toEqual([
      [[10, 11], '๐๙, ๐๑๐'],
      [[24, 25], '๐๒๓, ๐๒๔'],
    ]);
  });

  it('I-10: ข้อ ๐๒๘ cited with the 2566 title is flagged against the FY2568 catalogue; an unknown code is a row error', () => {
    const items = catalogue(framework2568().value!.items);
    const context = { office: PATUENG, units: PATUENG_UNITS, items };
    const cited = analyseOitAssignment({ fiscalYear: 2568, rows: [{ ข้อ: '๐๒๘', ข้อมูล: 'การดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน', ผู้รับผิดชอบ: 'สำนักปลัด' }] }, JSON_SOURCE, context);
    expect(one(cited.warnings, 'W-ITA-ITEM-TITLE-MISMATCH')).toMatchObject({ severity: 'W', expected: '๐๒๘ รายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน' });
    const unknown = analyseOitAssignment({ fiscalYear: 2568, rows: [{ ข้อ: '๐๑', ผู้รับผิดชอบ: 'สำนักปลัด' }, { ข้อ: '๐๑๖', ผู้รับผิดชอบ: 'สำนักปลัด' }] }, JSON_SOURCE, context);
    expect(unknown.value).toBeNull();
    expect(unknown.errors).toEqual([expect.objectContaining({ section: 'rows', row: 2, column: 'ข้อ', code: 'ITA_ITEM_UNKNOWN', value: '๐๑๖' })]);
  });
});

describe('cases of 001\'s FY2569 plan', () => {
  const plan = (rows: Record<string, string>[]) =>
    analysePlan({ fiscalYear: 2569, titleTh: 'มาตรการ/แนวทางในการส่งเสริมคุณธรรมและความโปร่งใสขององค์การบริหารส่วนตำบลป่าตึง ปีงบประมาณ พ.ศ.๒๕๖๙', columns: ['มาตรการ/แนวทาง', 'ผู้รับผิดชอบ'], rows }, JSON_SOURCE, { office: PATUENG, units: PATUENG_UNITS, indicators: null });

  it('I-18: measures ๑–๔ and ๖ skip ๕; the labels are kept and the count is what is printed', () => {
    const { warnings, value } = plan(['๑', '๒', '๓', '๔', '๖'].map((n) => ({ 'มาตรการ/แนวทาง': `${n}. มาตรการ ${n}`, ผู้รับผิดชอบ: 'สำนักปลัด' })));
    expect(value!.measures.map((m) => [m.label, m.title])).toEqual([['๑.', 'มาตรการ ๑'], ['๒.', 'มาตรการ ๒'], ['๓.', 'มาตรการ ๓'], ['๔.', 'มาตรการ ๔'], ['๖.', 'มาตรการ ๖']]);
    expect(one(warnings, 'W-NUMBERING-GAP')).toMatchObject({ severity: 'W', seedRef: 'I-18', found: '๔. → ๖.', expected: '5' });
  });

  it('I-16: "อบรม.ปาดัง" names another office (E); "อบต. ได้ร่วมลงนาม" and "๑. สำนักปลัด ๒. กองคลัง …" raise nothing', () => {
    const { warnings, value } = plan([
      { 'มาตรการ/แนวทาง': '๓. ปรับปรุงเว็บไซต์ อบรม.ปาดัง ให้สอดคล้องกับการประเมิน', ผู้รับผิดชอบ: '๑. สำนักปลัด ๒. กองคลัง ๓. กองการศึกษาฯ ๔. กองช่าง ๕. กองสาธารณสุขฯ' },
      { 'มาตรการ/แนวทาง': '๔. ผู้บริหาร และพนักงาน อบต. ได้ร่วมลงนามในบันทึกข้อตกลง', ผู้รับผิดชอบ: 'สำนักปลัด' },
    ]);
    expect(warnings.map((w) => [w.code, w.severity, w.found])).toEqual([['W-FOREIGN-OFFICE-REFERENCE', 'E', 'อบรม.ปาดัง']]);
    expect(value!.measures[0].units.map((u) => u.unitId)).toEqual(['u-palad', 'u-finance', 'u-education', 'u-works', 'u-health']);
  });

  it('refuses an unknown column and a row that names a column not in the set', () => {
    const unknown = analysePlan({ fiscalYear: 2569, titleTh: 'x', columns: ['มาตรการ', 'งบประมาณ'], rows: [{ มาตรการ: 'x' }] }, JSON_SOURCE, { office: PATUENG, units: [], indicators: null });
    expect(unknown.errors).toEqual([expect.objectContaining({ column: 'งบประมาณ', code: 'ITA_COLUMN_UNKNOWN' })]);
    const stray = plan([{ 'มาตรการ/แนวทาง': '๑. x', งบ: '5,000' }]);
    expect(stray.errors).toEqual([expect.objectContaining({ section: 'rows', row: 1, column: 'งบ', code: 'ITA_CELL_UNKNOWN_COLUMN' })]);
  });

  it('names a CSV row by its line in the file (after a blank line and a quoted cell over two lines)', async () => {
    const read = await readCsv('ลำดับ,มาตรการ\n๑,"มาตรการ\nสองบรรทัด"\n\n๒,\n');
    if (!read.ok) throw new Error('readable CSV');
    expect(read.table.records.map((r) => r.line)).toEqual([2, 5]);
    const converted = planFromCsv(read.table, { fiscalYear: 2569, titleTh: 'x' });
    const { errors } = analysePlan(converted.input, converted.source, { office: PATUENG, units: [], indicators: null });
    expect(errors).toEqual([expect.objectContaining({ section: 'rows', row: 5, column: 'มาตรการ', code: 'ITA_MEASURE_TITLE_MISSING' })]);
  });
});
