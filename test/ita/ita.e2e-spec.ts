import { createHash, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { type RunningApi, startApi } from '../support/http';
import { tokenFor } from '../support/keycloak';
import { shortMemo } from '../support/memo-content';
import { pdfLike, upload } from '../support/upload';
import { e2ePrisma } from '../support/prisma';
import { type ScratchOffice, scratchOfficeWithStaff } from '../support/scratch-office';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/ita/${name}`, import.meta.url), 'utf8');
const json = { 'content-type': 'application/json' };
const csv = { 'content-type': 'text/csv; charset=utf-8' };
type Warning = { code: string; severity: string; rows: number[]; column: string | null; found: string; expected: string | null };
const found = (warnings: Warning[], code: string) => warnings.filter((w) => w.code === code).map((w) => w.found);
/** Every warning as `code:severity:rows`, in the importer's order: an unexpected extra warning fails the test. */
const listed = (warnings: Warning[]) => warnings.map((w) => `${w.code}:${w.severity}:${w.rows.join(',')}`);

describe('ITA on the real stack: frameworks by year, ป่าตึง’s FY2568 measures, IIT and OIT tables, dashboard, the report routed to the นายก, the FY2569 plan', () => {
  let api: RunningApi;
  const prisma = e2ePrisma();
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    api = await startApi();
    for (const user of ['drafter', 'kanokporn', 'naphatthiya', 'kittichai', 'nattakorn', 'officeadmin', 'auditor']) tokens[user] = await tokenFor(user);
  });
  afterAll(async () => {
    await api.close();
    await prisma.$disconnect();
  });

  const call = (user: string, method: string, path: string, body?: string, headers: Record<string, string> = json) =>
    api.call(path, { method, token: tokens[user], headers, ...(body === undefined ? {} : { body }) });
  const post = (user: string, path: string, body: unknown = {}) => call(user, 'POST', path, JSON.stringify(body));
  const patch = (user: string, path: string, body: unknown) => call(user, 'PATCH', path, JSON.stringify(body));
  const get = (user: string, path: string) => api.call(path, { token: tokens[user] });
  const patuengId = async () => (await prisma.office.findUniqueOrThrow({ where: { code: 'patueng' } })).id;

  describe('frameworks', () => {
    it('FY2568 (001, JSON): 422 listing the seed’s inconsistencies by content, nothing saved; only an admin may import', async () => {
      expect((await call('drafter', 'POST', '/ita/frameworks/2568/import', fixture('framework-2568.json'))).status).toBe(403);
      const refused = await call('officeadmin', 'POST', '/ita/frameworks/2568/import', fixture('framework-2568.json'));
      expect(refused.status).toBe(422);
      expect(refused.body).toMatchObject({ code: 'ITA_IMPORT_NEEDS_ACCEPTANCE', details: { blocking: ['W-CODE-DUPLICATE', 'W-CODE-GAP', 'W-TEXT-TRUNCATED'] } });
      const warnings = refused.body.details.warnings as Warning[];
      const everyRow = Array.from({ length: 28 }, (_, i) => i + 1).join(',');
      expect(listed(warnings)).toEqual([
        'W-CODE-DUPLICATE:E:15,16', // I-11
        'W-CODE-GAP:E:16,17', // I-11: no ๐๑๖
        `W-CODE-WIDTH:I:${everyRow}`, // I-12: ๐๑ and ๐๑๐ side by side
        'W-ITA-GROUP-MISMATCH:I:6', // I-13: EIT indicators printed under IIT
        'W-ITA-GROUP-MISMATCH:I:7',
        'W-ITA-GROUP-MISMATCH:I:8',
        'W-TEXT-TRUNCATED:W:13', // I-19
      ]);
      expect(warnings.find((w) => w.code === 'W-CODE-DUPLICATE')).toMatchObject({ severity: 'E', rows: [15, 16], found: '๐๑๕ รายงานผลการบริหารและพัฒนาทรัพยากรบุคคลประจำปี | ๐๑๕ ประมวลจริยธรรมและการขับเคลื่อนจริยธรรม' });
      expect(warnings.find((w) => w.code === 'W-CODE-GAP')).toMatchObject({ found: '๐๑๕ → ๐๑๗', expected: 'O16' });
      expect(found(warnings, 'W-ITA-GROUP-MISMATCH')).toHaveLength(3);
      expect((await get('officeadmin', '/ita/frameworks/2568')).status).toBe(404);
    });

    it('with acceptWarnings=true it is saved with its warnings; codes keep their printed form, keyed by year and normalised code', async () => {
      const saved = await call('officeadmin', 'POST', '/ita/frameworks/2568/import?acceptWarnings=true', fixture('framework-2568.json'));
      expect(saved.status).toBe(201);
      expect(saved.body.created).toEqual({ indicators: 17, oitItems: 28 });
      const framework = (await get('auditor', '/ita/frameworks/2568')).body;
      expect(framework.warnings.map((w: Warning) => w.code)).toEqual(saved.body.warnings.map((w: Warning) => w.code));
      expect(framework.oitItems.filter((i: { codeNorm: string }) => i.codeNorm === 'O15').map((i: { code: string; occurrence: number }) => [i.code, i.occurrence])).toEqual([['๐๑๕', 1], ['๐๑๕', 2]]);
      expect(framework.oitItems.find((i: { code: string }) => i.code === '๐๑๐')).toMatchObject({ codeNorm: 'O10', indicator: '๙.๒' });
      expect(framework.indicators.find((i: { code: string }) => i.code === '๘')).toMatchObject({ instrument: 'EIT', printedGroup: 'ประเด็นการประเมิน IIT' });
      const again = await call('officeadmin', 'POST', '/ita/frameworks/2568/import?acceptWarnings=true', fixture('framework-2568.json'));
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('ITA_FRAMEWORK_EXISTS');
    });

    it('FY2566 (002, CSV streamed): only information (I-31), saved at once; O1 of 2566 and O1 of 2568 are different items', async () => {
      const saved = await call('officeadmin', 'POST', `/ita/frameworks/2566/import?nameTh=${encodeURIComponent('ITA ประจำปีงบประมาณ พ.ศ. ๒๕๖๖')}`, fixture('framework-2566.csv'), csv);
      expect(saved.status).toBe(201);
      expect(saved.body.warnings.map((w: Warning) => [w.code, w.severity, w.found])).toEqual([
        ['W-CODE-MIXED-SCRIPT', 'I', 'O๑…O๒๕ (rows 2–26: Latin O + Thai digits); 026…043 (rows 27–44: Arabic 0 + Arabic digits)'],
        ['W-DIGITS-MIXED', 'I', 'รายงานการกำกับติดตามการดำเนินงานและการใช้งบประมาณประจำปีรอบ ๖ เดือน (row 13) · รายงานการกำกับติดตามการดำเนินการป้องกันการทุจริตประจำปีรอบ 6 เดือน (row 38)'],
      ]);
      const [o1of2566, o1of2568] = await Promise.all([2566, 2568].map((fiscalYear) => prisma.itaOitItem.findUniqueOrThrow({ where: { fiscalYear_codeNorm_occurrence: { fiscalYear, codeNorm: 'O1', occurrence: 1 } } })));
      expect([o1of2566.code, o1of2568.code]).toEqual(['O๑', '๐๑']);
      expect(o1of2566.id).not.toBe(o1of2568.id);
      expect((await get('drafter', '/ita/frameworks')).body.map((f: { fiscalYear: number }) => f.fiscalYear)).toEqual([2568, 2566]);
    });

    it('a file with errors is refused whole (400) with every problem by row and column, and nothing is saved', async () => {
      const broken = { nameTh: 'ITA 2570', indicators: [{ code: '๙', instrument: 'OIT' }], oitItems: [{ code: '๐๑', titleTh: 'โครงสร้าง', indicator: '๙' }, { code: 'X2', titleTh: 'ข้อมูลผู้บริหาร' }, { code: '๐๓', titleTh: '' }] };
      const refused = await post('officeadmin', '/ita/frameworks/2570/import?acceptWarnings=true', broken);
      expect(refused.status).toBe(400);
      expect(refused.body.code).toBe('ITA_IMPORT_INVALID');
      expect(refused.body.details.problems).toEqual([expect.objectContaining({ section: 'oitItems', row: 3, column: 'titleTh', code: 'ITA_FIELD_EMPTY', messageTh: 'ไม่มีข้อมูลในช่องนี้' })]);
      const badCode = await post('officeadmin', '/ita/frameworks/2570/import', { ...broken, oitItems: broken.oitItems.slice(0, 2) });
      expect(badCode.body.details.problems).toEqual([expect.objectContaining({ row: 2, column: 'code', code: 'ITA_CODE_INVALID', value: 'X2' })]);
      const badCsv = await call('officeadmin', 'POST', '/ita/frameworks/2570/import', 'ประเภท,รหัส,ชื่อ\nข้อ,O๑,"โครงสร้าง\n', csv);
      expect(badCsv.status).toBe(400);
      expect(badCsv.body.details.problems[0].code).toBe('ITA_CSV_MALFORMED');
      const wrongYear = await post('officeadmin', '/ita/frameworks/2570/import', { ...broken, fiscalYear: 2569 });
      expect(wrongYear.body.code).toBe('ITA_FISCAL_YEAR_MISMATCH');
      expect(await prisma.itaFramework.count({ where: { fiscalYear: 2570 } })).toBe(0);
    });
  });

  describe('ป่าตึง’s FY2568 measures report, IIT and OIT progress (001)', () => {
    it('the report structure: 422 naming the office-name variants, the wrap-split unit and the indicator names; accepted, the warnings stay with the import', async () => {
      const refused = await call('drafter', 'POST', '/ita/2568/plan/import', fixture('patueng-report-2568.json'));
      expect(refused.status).toBe(422);
      const warnings = refused.body.details.warnings as Warning[];
      expect(listed(warnings)).toEqual([
        'W-INDICATOR-NAME-VARIANT:I:2',
        'W-RESPONSIBLE-UNMATCHED:I:2',
        'W-INDICATOR-NAME-VARIANT:I:3',
        'W-RESPONSIBLE-UNMATCHED:I:3',
        'W-RESPONSIBLE-UNMATCHED:I:3',
        'W-CELL-WRAP-SPLIT:I:3',
        'W-OFFICE-NAME-VARIANT:W:1',
        'W-OFFICE-NAME-VARIANT:W:1',
        'W-OFFICE-NAME-VARIANT:W:2',
      ]);
      expect(found(warnings, 'W-RESPONSIBLE-UNMATCHED')).toEqual(['แต่งตั้งเจ้าหน้าที่รับผิดชอบงานประชาสัมพันธ์ เพื่อคอยเผยแพร่ข้อมูลข่าวสารในด้านต่างๆ', 'งานพัสดุ กอง', 'คณะกรรมการทบทวน ปรับปรุงการจัดทำคู่มือการใช้ทรัพย์สินของทางราชการ คลัง']);
      expect(found(warnings, 'W-OFFICE-NAME-VARIANT')).toEqual(['องค์การบริหารส่วนตำบล ปาตึง', 'อบต. ปาตึง', 'อบรม.ป่าตึง']);
      expect(warnings.filter((w) => w.code === 'W-INDICATOR-NAME-VARIANT').map((w) => [w.found, w.expected])).toEqual([
        ['ตัวชี้วัดที่ ๘ การปรับปรุงการทำงาน', 'ตัวชี้วัดที่ ๘ การปรับปรุงระบบการทำงาน'],
        ['ตัวชี้วัดที่ ๔ การใช้ทรัพย์สินของราชการ', 'ตัวชี้วัดที่ ๔ การใช้ทรัพย์สินของทางราชการ'],
      ]);
      expect(warnings.find((w) => w.code === 'W-CELL-WRAP-SPLIT')).toMatchObject({ rows: [3], found: 'งานพัสดุ กอง … คลัง', expected: 'งานพัสดุ กองคลัง' });
      expect(await prisma.itaPlan.count({ where: { officeId: await patuengId() } })).toBe(0);

      const saved = await call('drafter', 'POST', '/ita/2568/plan/import?acceptWarnings=true', fixture('patueng-report-2568.json'));
      expect(saved.status).toBe(201);
      expect(saved.body.created).toEqual({ measures: 3 });
      const imports = (await get('drafter', '/ita/2568/imports')).body;
      expect(imports).toHaveLength(1);
      expect(found(imports[0].warnings, 'W-OFFICE-NAME-VARIANT')).toEqual(['องค์การบริหารส่วนตำบล ปาตึง', 'อบต. ปาตึง', 'อบรม.ป่าตึง']);
      const plan = (await get('auditor', '/ita/2568/plan')).body;
      expect(plan.columns.map((c: { header: string }) => c.header)).toEqual(JSON.parse(fixture('patueng-report-2568.json')).columns);
      expect(plan.measures.map((m: { label: string; units: { nameTh: string }[] }) => [m.label, m.units.map((u) => u.nameTh)])).toEqual([['๑', ['สำนักปลัด']], ['๒', ['สำนักปลัด']], ['๓', []]]);
      expect(plan.measures[2].responsibleText).toBe('๑. งานพัสดุ กอง ๒. คณะกรรมการทบทวน ปรับปรุงการจัดทำคู่มือการใช้ทรัพย์สินของทางราชการ คลัง');
    });

    it('the OIT progress table: status read from the checked box, I-20 copies reported (422), then saved', async () => {
      const refused = await call('drafter', 'POST', '/ita/2568/oit-assignments/import', fixture('patueng-oit-2568.csv'), csv);
      expect(refused.status).toBe(422);
      const everyRow = Array.from({ length: 28 }, (_, i) => i + 2).join(',');
      expect(listed(refused.body.details.warnings)).toEqual([`W-CODE-WIDTH:I:${everyRow}`, 'W-PROGRESS-COPY:W:10,11', 'W-PROGRESS-COPY:W:24,25']);
      expect(found(refused.body.details.warnings, 'W-PROGRESS-COPY')).toEqual([
        '๐๙, ๐๑๐: - จัดทำคู่มือการให้บริการประชาชน ซึ่งเผยแพร่ผ่านเว็บไซต์ องค์การบริหารส่วนตำบลป่าตึง',
        '๐๒๓, ๐๒๔: - แสดงผลการประเมินความเสี่ยง และเผยแพร่ บนเว็บไซต์ องค์การบริหารส่วนตำบล',
      ]);
      const saved = await call('drafter', 'POST', '/ita/2568/oit-assignments/import?acceptWarnings=true', fixture('patueng-oit-2568.csv'), csv);
      expect(saved.status).toBe(201);
      expect(saved.body.created).toEqual({ assignments: 28 });
    });

    it('the IIT table: 422 listing every inconsistency by content (I-13, I-15, I-16 https://Muangkun.go.th), nothing saved; accepted, the warnings stay with the import', async () => {
      const refused = await call('drafter', 'POST', '/ita/2568/iit-assignments/import', fixture('patueng-iit-2568.csv'), csv);
      expect(refused.status).toBe(422);
      expect(refused.body).toMatchObject({ code: 'ITA_IMPORT_NEEDS_ACCEPTANCE', details: { blocking: ['W-OFFICE-NAME-VARIANT', 'W-OFFICE-NAME-VARIANT', 'W-FOREIGN-OFFICE-REFERENCE'] } });
      const warnings = refused.body.details.warnings as Warning[];
      expect(listed(warnings)).toEqual([
        'W-RESPONSIBLE-ALL-UNITS:I:2', // ทุกส่วนงาน read as every สำนัก/กอง
        'W-ITA-GROUP-MISMATCH:I:7', // I-13: ๖–๘ are EIT, printed in the IIT table
        'W-ITA-GROUP-MISMATCH:I:8',
        'W-ITA-GROUP-MISMATCH:I:9',
        'W-OFFICE-NAME-VARIANT:W:4,5', // I-15
        'W-OFFICE-NAME-VARIANT:W:8',
        'W-FOREIGN-OFFICE-REFERENCE:E:8', // I-16
      ]);
      expect(found(warnings, 'W-OFFICE-NAME-VARIANT')).toEqual(['องค์กรบริหารส่วนตำบลป่าตึง', 'องค์กรการบริหารส่วนตำบลป่าตึง']);
      expect(warnings.find((w) => w.code === 'W-FOREIGN-OFFICE-REFERENCE')).toMatchObject({ column: 'ความก้าวหน้าผลการดำเนินการ', found: 'https://Muangkun.go.th', expected: 'www.patueng.go.th' });
      expect(found(warnings, 'W-ITA-GROUP-MISMATCH')).toEqual(['๖ คุณภาพการดำเนินงาน in the IIT table', '๗ ประสิทธิภาพการสื่อสาร in the IIT table', '๘ การปรับปรุงระบบการทำงาน in the IIT table']);
      expect(warnings[0]).toMatchObject({ found: 'ทุกส่วนงาน', expected: 'สำนักปลัด, กองคลัง, กองช่าง, กองการศึกษาฯ, กองสาธารณสุขฯ' });
      expect(await prisma.itaIndicatorAssignment.count({ where: { officeId: await patuengId() } })).toBe(0);

      const saved = await call('drafter', 'POST', '/ita/2568/iit-assignments/import?acceptWarnings=true', fixture('patueng-iit-2568.csv'), csv);
      expect(saved.status).toBe(201);
      expect(saved.body.created).toEqual({ assignments: 8 });
      const stored = (await get('drafter', '/ita/2568/imports')).body.find((i: { kind: string }) => i.kind === 'IIT_ASSIGNMENT');
      expect(listed(stored.warnings)).toEqual(listed(warnings));
      const again = await call('drafter', 'POST', '/ita/2568/iit-assignments/import?acceptWarnings=true', fixture('patueng-iit-2568.csv'), csv);
      expect(again.status).toBe(409);
      expect(again.body).toMatchObject({ code: 'ITA_IIT_ASSIGNMENTS_EXIST', details: { codes: ['๑', '๒', '๓', '๔', '๕', '๖', '๗', '๘'] } });
      const oitIndicator = await post('drafter', '/ita/2568/iit-assignments/import?acceptWarnings=true', { rows: [{ ตัวชี้วัด: 'ตัวชี้วัดย่อยที่ ๙.๑ ข้อมูลพื้นฐาน', ผู้รับผิดชอบ: 'สำนักปลัด' }] });
      expect(oitIndicator.status).toBe(400);
      expect(oitIndicator.body.details.problems).toEqual([expect.objectContaining({ section: 'rows', row: 1, column: 'ตัวชี้วัด', code: 'ITA_INDICATOR_OIT' })]);
    });

    it('the dashboard shows each measure, IIT-table indicator and item with its status, units, evidence and what is missing', async () => {
      const board = (await get('auditor', '/ita/2568/dashboard')).body;
      expect(board.summary).toEqual({ measures: { total: 3, complete: 0 }, indicators: { total: 8, complete: 8 }, oitItems: { total: 28, complete: 0 } });
      expect(board.indicators.map((i: { code: string; instrument: string; status: string; timeframe: string; units: { nameTh: string }[] }) => [i.code, i.instrument, i.status, i.timeframe, i.units.map((u) => u.nameTh)])).toEqual([
        ['๑', 'IIT', 'DONE', 'ต.ค. ๖๗ ถึง ก.ย. ๖๘', ['สำนักปลัด', 'กองคลัง', 'กองช่าง', 'กองการศึกษาฯ', 'กองสาธารณสุขฯ']],
        ['๒', 'IIT', 'DONE', 'ต.ค. ๖๗ ถึง ก.ย. ๖๘', ['สำนักปลัด', 'กองคลัง']],
        ['๓', 'IIT', 'DONE', 'ต.ค. ๖๗ ถึง ก.ย. ๖๘', ['สำนักปลัด']],
        ['๔', 'IIT', 'DONE', 'ต.ค. ๖๗ ถึง ก.ย. ๖๘', ['กองคลัง']],
        ['๕', 'IIT', 'DONE', 'ต.ค. ๖๗ ถึง ก.ย. ๖๘', ['สำนักปลัด']],
        ['๖', 'EIT', 'DONE', 'ต.ค. ๖๗ ถึง ก.ย. ๖๘', ['สำนักปลัด']],
        ['๗', 'EIT', 'DONE', 'ต.ค. ๖๗ ถึง ก.ย. ๖๘', ['สำนักปลัด']],
        ['๘', 'EIT', 'DONE', 'ต.ค. ๖๗ ถึง ก.ย. ๖๘', ['สำนักปลัด']],
      ]);
      expect(board.indicators[1]).toMatchObject({ indicatorText: 'ตัวชี้วัดที่ ๒ การใช้งบประมาณ', responsibleText: 'สำนักปลัด / กองคลัง', statusTh: 'ดำเนินการแล้ว', missing: [] });
      expect(board.indicators[6].progress).toContain('https://Muangkun.go.th');
      expect(board.measures.map((m: { label: string; missing: string[] }) => [m.label, m.missing])).toEqual([
        ['๑', ['NO_EVIDENCE']],
        ['๒', ['NO_EVIDENCE']],
        ['๓', ['NO_RESPONSIBLE_UNIT', 'NO_EVIDENCE']],
      ]);
      expect(board.measures[2].missingTh).toEqual(['ยังไม่ได้ระบุหน่วยงานที่รับผิดชอบ', 'ยังไม่มีหลักฐาน']);
      const item = board.oitItems.find((i: { code: string }) => i.code === '๐๘');
      expect(item).toMatchObject({ status: 'DONE', statusTh: 'ดำเนินการแล้ว', responsibleText: 'สำนักปลัด, กองช่าง, กองคลัง', missing: ['NO_EVIDENCE'] });
      expect(item.units.map((u: { nameTh: string }) => u.nameTh)).toEqual(['สำนักปลัด', 'กองช่าง', 'กองคลัง']);
    });

    it('evidence and documents linked (audited) change what is missing; a draft memo is "not approved"; unlinking puts it back', async () => {
      const plan = (await get('drafter', '/ita/2568/plan')).body;
      const [m1, m2, m3] = plan.measures.map((m: { id: string }) => m.id);
      const order = pdfLike(50_000, `ita-evidence-${randomUUID()}`);
      const uploaded = await upload(`${api.url}/evidence`, order, { token: tokens.drafter, fileName: 'คำสั่งแต่งตั้งคณะทำงาน.pdf' });
      expect(uploaded.status).toBe(201);
      const evidenceId: string = uploaded.body.id;
      const unknown = await post('drafter', '/ita/evidence-links', { measureId: m1, evidenceId: randomUUID() });
      expect(unknown).toMatchObject({ status: 404, body: { code: 'ITA_NOT_FOUND' } });
      const linked = await post('drafter', '/ita/evidence-links', { measureId: m1, evidenceId, note: 'คำสั่งแต่งตั้งคณะทำงานขับเคลื่อนจริยธรรม' });
      expect(linked.status).toBe(201);
      const memo = await post('drafter', '/documents', { kind: 'MEMO', title: 'ขออนุมัติปรับปรุงคำสั่งผู้รับผิดชอบงานประชาสัมพันธ์', content: shortMemo('ขออนุมัติปรับปรุงคำสั่งผู้รับผิดชอบงานประชาสัมพันธ์') });
      expect((await post('drafter', '/ita/evidence-links', { measureId: m2, documentId: memo.body.documentId })).status).toBe(201);
      expect((await post('drafter', '/ita/evidence-links', { measureId: m2, documentId: memo.body.documentId })).body.code).toBe('ITA_EVIDENCE_ALREADY_LINKED');
      expect((await post('drafter', '/ita/evidence-links', { measureId: m2, evidenceId, documentId: memo.body.documentId })).status).toBe(400);
      const units = await prisma.unit.findMany({ where: { officeId: await patuengId(), nameTh: 'งานพัสดุ' } });
      expect((await patch('drafter', `/ita/measures/${m3}`, { unitIds: units.map((u) => u.id) })).status).toBe(200);
      expect((await post('drafter', `/ita/measures/${m1}/status`, { status: 'DONE' })).body).toEqual({ id: m1, status: 'DONE' });

      let board = (await get('auditor', '/ita/2568/dashboard')).body;
      expect(board.measures.map((m: { missing: string[] }) => m.missing)).toEqual([[], ['NOT_APPROVED'], ['NO_EVIDENCE']]);
      const sha256 = createHash('sha256').update(order).digest('hex');
      expect(board.measures[0].evidence).toEqual([
        { linkId: linked.body.id, evidenceId, name: 'คำสั่งแต่งตั้งคณะทำงาน.pdf', sha256, known: true, note: 'คำสั่งแต่งตั้งคณะทำงานขับเคลื่อนจริยธรรม' },
      ]);
      expect(board.measures[0]).toMatchObject({ status: 'DONE', statusTh: 'ดำเนินการแล้ว' });
      expect(board.measures[1].documents[0]).toMatchObject({ documentId: memo.body.documentId, kind: 'MEMO', routeStatus: 'DRAFT', approved: false });

      expect((await api.call(`/ita/evidence-links/${linked.body.id}`, { method: 'DELETE', token: tokens.drafter })).status).toBe(200);
      board = (await get('auditor', '/ita/2568/dashboard')).body;
      expect(board.measures[0].missing).toEqual(['NO_EVIDENCE']);
      const audit = await prisma.auditEvent.findMany({ where: { officeId: await patuengId(), action: { startsWith: 'ita.' } }, orderBy: { seq: 'asc' } });
      expect(audit.map((e) => e.action)).toEqual([
        'ita.framework_imported', 'ita.framework_imported', 'ita.plan_imported', 'ita.oit_assignment_imported', 'ita.iit_assignment_imported',
        'ita.evidence_linked', 'ita.evidence_linked', 'ita.measure_updated', 'ita.measure_status_changed', 'ita.evidence_unlinked',
      ]);
      expect(audit.at(-2)!.payload).toEqual({ from: 'NOT_STARTED', to: 'DONE' });
    });

    it('scores are stored as published (the overall is not derived from the indicators); a malformed score is refused', async () => {
      const entered = await call('officeadmin', 'PUT', '/ita/2568/scores', JSON.stringify({ scores: [
        { scope: 'OVERALL', score: '๙๘.๘๐', level: 'ผ่านดี', source: 'บันทึกข้อความ ชร ๗๓๕๐๑/ ๑๘๖๕' },
        { scope: 'INDICATOR', code: '๘', score: '100' },
        { scope: 'INDICATOR', code: '๙.๔', score: '๘๕.๕๐' },
      ] }));
      expect(entered.status).toBe(200);
      expect((await get('auditor', '/ita/2568/scores')).body).toEqual([
        { scope: 'OVERALL', code: '', score: '98.80', scoreText: '๙๘.๘๐', level: 'ผ่านดี', source: 'บันทึกข้อความ ชร ๗๓๕๐๑/ ๑๘๖๕' },
        { scope: 'INDICATOR', code: '8', score: '100.00', scoreText: '100', level: null, source: null },
        { scope: 'INDICATOR', code: '9.4', score: '85.50', scoreText: '๘๕.๕๐', level: null, source: null },
      ]);
      const bad = await call('officeadmin', 'PUT', '/ita/2568/scores', JSON.stringify({ scores: [{ scope: 'INDICATOR', code: '๑๑', score: '90' }] }));
      expect(bad.body.code).toBe('ITA_SCORE_CODE_INVALID');
      expect((await call('officeadmin', 'PUT', '/ita/2568/scores', JSON.stringify({ scores: [{ scope: 'OVERALL', score: '๑๐๐.๕' }] }))).body.code).toBe('ITA_SCORE_INVALID');
    });
  });

  describe('the report: generated from the model, routed like a memo, the 000 rule', () => {
    let documentId: string;
    const route = (user: string, action: string, body: unknown = {}) => post(user, `/documents/${documentId}/route/${action}`, body);

    it('is a REPORT document in the year’s column set, with the published score in the opening sentence', async () => {
      const generated = await post('drafter', '/ita/2568/report');
      expect(generated.status).toBe(201);
      documentId = generated.body.documentId;
      const document = (await get('drafter', `/documents/${documentId}`)).body;
      expect(document).toMatchObject({ kind: 'REPORT', title: 'รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ประจำปีงบประมาณ พ.ศ. ๒๕๖๘' });
      const content = document.content ?? (await get('drafter', `/documents/${documentId}/versions/1`)).body.content;
      expect(content).toMatchObject({ form: 'ITA_MEASURES_REPORT', organisation: 'องค์การบริหารส่วนตำบลป่าตึง', fiscalYear: 2568, address: 'ตำบลป่าตึง อำเภอแม่จัน จังหวัดเชียงราย' });
      expect(content.intro).toContain('โดยภาพรวมได้คะแนน ๙๘.๘๐ อยู่ในระดับ “ผ่านดี”');
      expect(content.columns.map((c: { key: string }) => c.key)).toEqual(['label', 'title', 'method', 'timeframe', 'responsible', 'summary', 'outcome']);
      expect(content.rows).toHaveLength(3);
      expect(content.rows[2].cells.responsible).toBe('๑. งานพัสดุ กอง ๒. คณะกรรมการทบทวน ปรับปรุงการจัดทำคู่มือการใช้ทรัพย์สินของทางราชการ คลัง');
      expect((await get('drafter', '/ita/2568/report')).body).toMatchObject({ documentId, status: 'DRAFT', statusTh: 'ร่าง' });
    });

    it('goes up หัวหน้าฝ่าย → หัวหน้าสำนักปลัด → ปลัด → นายก; the นายก does not concur and returns it for review', async () => {
      expect((await route('drafter', 'submit')).body).toMatchObject({ status: 'IN_ROUTE', currentStep: { key: 'head-amnuaykan' } });
      expect((await post('drafter', '/ita/2568/report')).body.code).toBe('ITA_REPORT_IN_ROUTE');
      expect((await route('kanokporn', 'decisions', { word: 'เสนอ' })).body.currentStep.key).toBe('head-samnak-palad');
      expect((await route('naphatthiya', 'decisions', { word: 'เสนอ' })).body.currentStep.key).toBe('palad');
      expect((await route('kittichai', 'decisions', { word: 'เห็นควรเห็นชอบ' })).body.currentStep.key).toBe('nayok');
      // 000's rule: หากไม่เห็นชอบนำกลับมาทบทวน. The step offers no refusing word that would end the route; not concurring is a return for review.
      const refusal = await route('nattakorn', 'decisions', { word: 'ไม่เห็นชอบ' });
      expect(refusal.status).toBe(400);
      expect(refusal.body).toMatchObject({ code: 'WORD_NOT_ALLOWED', details: { allowed: ['เห็นชอบ'] } });
      const returned = await route('nattakorn', 'returns', { to: 'DRAFTER', reason: 'ไม่เห็นชอบ ให้นำกลับมาทบทวนผลลัพธ์ของมาตรการที่ ๓' });
      expect(returned.body).toMatchObject({ status: 'RETURNED' });
      const report = (await get('drafter', '/ita/2568/report')).body;
      expect(report).toMatchObject({ status: 'RETURNED', statusTh: 'ส่งกลับทบทวน', publishedAt: null });
    });

    it('after review the drafter regenerates it from the model (a new version) and resubmits; the นายก เห็นชอบ: signed and published', async () => {
      const plan = (await get('drafter', '/ita/2568/plan')).body;
      expect((await patch('drafter', `/ita/measures/${plan.measures[2].id}`, { outcome: '๑. รายงานสถิติการยืมสรุปผลการดำเนินการด้านการให้บริการยืม - คืนทรัพย์สินของทางราชการ (ทบทวนแล้ว)' })).status).toBe(200);
      const regenerated = await post('drafter', '/ita/2568/report');
      expect(regenerated.status).toBe(200);
      expect(regenerated.body).toMatchObject({ documentId, versionNo: 2, regenerated: true });
      expect((await get('drafter', `/documents/${documentId}/versions/2`)).body.content.rows[2].cells.outcome).toContain('(ทบทวนแล้ว)');

      expect((await route('drafter', 'resubmissions')).body).toMatchObject({ status: 'IN_ROUTE', round: 2, currentStep: { key: 'nayok' } });
      const approved = await route('nattakorn', 'decisions', { word: 'เห็นชอบ' });
      expect(approved.body).toMatchObject({ status: 'COMPLETED' });
      const report = (await get('auditor', '/ita/2568/report')).body;
      expect(report).toMatchObject({ status: 'PUBLISHED', statusTh: 'ผู้บริหารเห็นชอบ ลงนาม และเผยแพร่แล้ว', versionNo: 2 });
      expect(report.signature).toMatchObject({ nameAsPrinted: '(นายณัฐกรณ์ ใจรังสี)', positionTitleAsPrinted: 'นายกองค์การบริหารส่วนตำบลป่าตึง' });
      expect(Date.parse(report.publishedAt)).toBeGreaterThan(0);
      expect((await post('drafter', '/ita/2568/report')).body.code).toBe('ITA_REPORT_IN_ROUTE');
    });

    it('the approval and the publication are audited in one transaction, in order, on the approved version', async () => {
      const report = await prisma.itaReport.findFirstOrThrow({ where: { documentId } });
      const events = await prisma.auditEvent.findMany({ where: { OR: [{ targetId: documentId }, { targetId: report.id }] }, orderBy: { seq: 'asc' } });
      expect(events.map((e) => e.action)).toEqual([
        'document.created', 'route.created', 'ita.report_generated', 'route.submitted', 'route.decided', 'route.decided', 'route.decided', 'route.returned',
        'document.versioned', 'ita.report_regenerated', 'route.resubmitted', 'route.decided', 'ita.report_published',
      ]);
      const [decided, published] = events.slice(-2);
      expect(published.seq).toBe(decided.seq + 1n);
      expect(published.versionHash).toBe(decided.versionHash);
      expect(published.occurredAt.getTime()).toBe(decided.occurredAt.getTime());
    });
  });

  describe('ป่าตึง’s FY2569 measures plan (001, after memo 2): its own column set, the gap in the numbering and another office’s name', () => {
    const plan2569 = fixture('patueng-plan-2569.json');

    it('422 listing every inconsistency by content, on the rows that print it; nothing saved', async () => {
      const refused = await call('drafter', 'POST', '/ita/2569/plan/import', plan2569);
      expect(refused.status).toBe(422);
      expect(refused.body.details.blocking).toEqual(['W-NUMBERING-GAP', 'W-OFFICE-NAME-VARIANT', 'W-OFFICE-NAME-VARIANT', 'W-FOREIGN-OFFICE-REFERENCE']);
      const warnings = refused.body.details.warnings as Warning[];
      expect(listed(warnings)).toEqual([
        'W-CONTINUATION-ROW:I:3', // measure ๒ across a page: the row with an empty first cell
        'W-NUMBERING-GAP:W:5,6', // I-18: ๔. → ๖.
        'W-OFFICE-NAME-VARIANT:W:3', // I-15: อบรมฯ
        'W-OFFICE-NAME-VARIANT:W:3', // I-15: อบรม.
        'W-FOREIGN-OFFICE-REFERENCE:E:3,4', // I-16: อบรม.ปาดัง, twice
        'W-YEAR-STALE:I:3', // I-17: ปีงบประมาณ ๒๕๖๕ beside it
      ]);
      expect(warnings.find((w) => w.code === 'W-NUMBERING-GAP')).toMatchObject({ found: '๔. → ๖.', expected: '5' });
      expect(found(warnings, 'W-OFFICE-NAME-VARIANT')).toEqual(['อบรมฯ', 'อบรม.']);
      expect(warnings.find((w) => w.code === 'W-FOREIGN-OFFICE-REFERENCE')).toMatchObject({ found: 'อบรม.ปาดัง', column: 'วิธีการดำเนินการ, มาตรการ/แนวทาง' });
      expect(found(warnings, 'W-YEAR-STALE')).toEqual(['ปีงบประมาณ ๒๕๖๕']);
      expect(await prisma.itaPlan.count({ where: { officeId: await patuengId(), fiscalYear: 2569 } })).toBe(0);
    });

    it('accepted, it keeps the 5 printed headers (the last a follow-up plan), the labels ๑.–๔., ๖., ๗. and R5’s units; the warnings stay with the import', async () => {
      const saved = await call('drafter', 'POST', '/ita/2569/plan/import?acceptWarnings=true', plan2569);
      expect(saved.status).toBe(201);
      expect(saved.body.created).toEqual({ measures: 6 });
      const plan = (await get('auditor', '/ita/2569/plan')).body;
      expect(plan.columns).toEqual([
        { header: 'มาตรการ/แนวทาง', field: 'title' },
        { header: 'วิธีการดำเนินการ', field: 'method' },
        { header: 'ผู้รับผิดชอบ', field: 'responsible' },
        { header: 'ระยะเวลาดำเนินการ', field: 'timeframe' },
        { header: 'การติดตามผล', field: 'followUp' },
      ]);
      expect(plan.titleFiscalYear).toBe(2569);
      const r5 = ['สำนักปลัด', 'กองคลัง', 'กองการศึกษาฯ', 'กองช่าง', 'กองสาธารณสุขฯ'];
      expect(plan.measures.map((m: { label: string; timeframe: string; followUp: string; summary: string | null; units: { nameTh: string }[] }) => [m.label, m.timeframe, m.followUp, m.summary, m.units.map((u) => u.nameTh)])).toEqual([
        ['๑.', 'ต.ค.๖๘ ถึง ก.ย.๖๙', 'รายงานความก้าวหน้าและสรุปผลสิ้นปีงบประมาณ', null, r5],
        ['๒.', 'ต.ค.๖๘ ถึง ก.ย.๖๙', 'รายงานความก้าวหน้าทุก ๖ เดือนและสรุปผลสิ้นปีงบประมาณ', null, r5],
        ['๓.', 'ต.ค.๖๘ ถึง ก.ย.๖๙', 'รายงานผลการดำเนินการผ่านเว็บไซต์ patueng.go.th และรายงานความก้าวหน้าทุก ๖ เดือน และสรุปผลสิ้นปีงบประมาณ', null, r5],
        ['๔.', 'ต.ค.๖๘ ถึง ก.ย.๖๙', 'รายงานความก้าวหน้าทุก ๖ เดือน และสรุปผลสิ้นปีงบประมาณ', null, r5],
        ['๖.', 'ต.ค.๖๘ ถึง ก.ย.๖๙', 'รายงานความก้าวหน้าทุก ๖ เดือน และสรุปผลสิ้นปีงบประมาณ', null, r5],
        ['๗.', 'มี.ค. ๖๙', 'รายงานสรุปผลหลังแล้วเสร็จกิจกรรม', null, ['สำนักปลัด']],
      ]);
      expect(plan.measures[1].method).toContain('มีส่วนร่วมในการเสนอแนะการปฏิบัติงานมานานแล้ว');
      const imports = (await get('drafter', '/ita/2569/imports')).body;
      expect(imports.map((i: { kind: string }) => i.kind)).toEqual(['PLAN']);
      expect(listed(imports[0].warnings)).toEqual(['W-CONTINUATION-ROW:I:3', 'W-NUMBERING-GAP:W:5,6', 'W-OFFICE-NAME-VARIANT:W:3', 'W-OFFICE-NAME-VARIANT:W:3', 'W-FOREIGN-OFFICE-REFERENCE:E:3,4', 'W-YEAR-STALE:I:3']);
      const event = await prisma.auditEvent.findFirstOrThrow({ where: { officeId: await patuengId(), action: 'ita.plan_imported', targetId: plan.id } });
      expect(event.payload).toMatchObject({ fiscalYear: 2569, measures: 6, acceptedWarnings: true, warnings: ['W-CONTINUATION-ROW', 'W-NUMBERING-GAP', 'W-OFFICE-NAME-VARIANT', 'W-OFFICE-NAME-VARIANT', 'W-FOREIGN-OFFICE-REFERENCE', 'W-YEAR-STALE'] });
    });
  });
});

describe('สันมะเค็ด’s FY2566 OIT assignment (002) and execution report in an office that has the units 002 names', () => {
  let api: RunningApi;
  let office: ScratchOffice;
  const prisma = e2ePrisma();

  beforeAll(async () => {
    api = await startApi();
    office = await scratchOfficeWithStaff(prisma, ['W'], [{ username: 'writer', givenName: 'ผู้จัดทำ', position: 'W', roles: ['staff'] }]);
    await prisma.office.update({ where: { id: office.officeId }, data: { nameTh: 'เทศบาลตำบลสันมะเค็ด', district: 'พาน', province: 'เชียงราย' } });
    const palad = await prisma.unit.create({ data: { officeId: office.officeId, kind: 'BUREAU', nameTh: 'สำนักปลัด' } });
    const finance = await prisma.unit.create({ data: { officeId: office.officeId, kind: 'DIVISION', nameTh: 'กองคลัง' } });
    for (const nameTh of ['งานบริหารทั่วไป', 'งานวิเคราะห์นโยบายและแผน', 'งานการเจ้าหน้าที่', 'งานนิติการ']) await prisma.unit.create({ data: { officeId: office.officeId, parentId: palad.id, kind: 'WORK_UNIT', nameTh } });
    await prisma.unit.create({ data: { officeId: office.officeId, parentId: finance.id, kind: 'WORK_UNIT', nameTh: 'งานพัสดุ' } });
  });
  afterAll(async () => {
    await api.close();
    await office.dispose();
    await prisma.$disconnect();
  });

  const send = async (path: string, body: string, headers: Record<string, string>) => api.call(path, { method: 'POST', token: await office.token('writer'), headers, body });

  it('all 43 items are assigned to the work units named, I-31 is information only, so it is saved at once', async () => {
    const saved = await send('/ita/2566/oit-assignments/import', fixture('sanmaket-oit-2566.csv'), csv);
    expect(saved.status).toBe(201);
    expect(saved.body.warnings.map((w: Warning) => [w.code, w.found])).toEqual([
      ['W-CODE-MIXED-SCRIPT', 'O๑…O๒๕ (rows 2–26: Latin O + Thai digits); 026…043 (rows 28–45: Arabic 0 + Arabic digits)'],
      ['W-DIGITS-MIXED', 'รายงานการกำกับติดตามการดำเนินงานและการใช้งบประมาณประจำปีรอบ ๖ เดือน (row 13) · รายงานการกำกับติดตามการดำเนินการป้องกันการทุจริตประจำปีรอบ 6 เดือน (row 39)'],
    ]);
    const board = (await api.call('/ita/2566/dashboard', { token: await office.token('writer') })).body;
    expect(board.oitItems).toHaveLength(43);
    const unitOf = (code: string) => board.oitItems.find((i: { code: string }) => i.code === code).units.map((u: { nameTh: string }) => u.nameTh);
    expect([unitOf('O๔'), unitOf('O๑๙'), unitOf('026'), unitOf('043')]).toEqual([['งานวิเคราะห์นโยบายและแผน'], ['งานพัสดุ'], ['งานการเจ้าหน้าที่'], ['งานนิติการ']]);
    expect(board.oitItems.every((i: { missing: string[] }) => i.missing.join() === 'NO_EVIDENCE')).toBe(true);
  });

  it('the execution report: the order cited as ๑๔๒/๒๕๖๖ but attached as ๑๕๒ /๒๕๖๖, the title year, the dates and URLs are reported before anything is saved', async () => {
    const refused = await send('/ita/2566/plan/import', fixture('sanmaket-execution-2566.json'), json);
    expect(refused.status).toBe(422);
    const warnings = refused.body.details.warnings as Warning[];
    expect(listed(warnings)).toEqual([
      'W-CONTINUATION-ROW:I:3',
      'W-YEAR-CONTEXT-MISMATCH:W:',
      'W-DATE-OUTSIDE-PERIOD:W:1',
      'W-DOCREF-MISMATCH:E:1',
      'W-DUPLICATED-TEXT:I:2,3',
      'W-URL-DIGITS:W:2,3',
      'W-URL-DIGITS:W:2,3',
      'W-CE-YEAR:W:2,3',
      'W-CE-YEAR:W:2,3',
    ]);
    expect(found(warnings, 'W-CE-YEAR')).toEqual(['ITA ๒๐๒๓', 'ita๒๐๒๓']);
    expect(warnings.find((w) => w.code === 'W-DOCREF-MISMATCH')).toMatchObject({ severity: 'E', rows: [1], found: 'ที่ ๑๔๒/๒๕๖๖', expected: 'ที่ ๑๕๒ /๒๕๖๖' });
    expect(warnings.find((w) => w.code === 'W-YEAR-CONTEXT-MISMATCH')).toMatchObject({ expected: 'ปีงบประมาณ 2566' });
    expect(found(warnings, 'W-DATE-OUTSIDE-PERIOD')).toEqual(['เมื่อวันที่ ๑๙ สิงหาคม พ.ศ. ๒๕๖๕']);
    expect(found(warnings, 'W-URL-DIGITS')).toHaveLength(2);
    expect(await prisma.itaPlan.count({ where: { officeId: office.officeId } })).toBe(0);
    const saved = await send('/ita/2566/plan/import?acceptWarnings=true', fixture('sanmaket-execution-2566.json'), json);
    expect(saved.status).toBe(201);
    const plan = await prisma.itaPlan.findFirstOrThrow({ where: { officeId: office.officeId }, include: { measures: { orderBy: { ordinal: 'asc' } } } });
    expect([plan.fiscalYear, plan.titleFiscalYear]).toEqual([2566, 2565]);
    expect(plan.measures.map((m) => m.label)).toEqual(['๑.', '๒.', '๓.']);
  });
});
