import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ChromiumPdfRenderer, ITA_REPORT_TITLE, loadLaksaman, renderItaReportHtml, renderItaReportPdf, type OfficialFont } from './index';
import { ITA_REPORT_001 } from './__fixtures__/ita-report-001';
import { checkLinesInOrder, findInStream, textStream } from './__testing__/text-stream';
import { pdfFonts, pdfPageCount, pdfPageToPng, pdfToText } from './__testing__/pdf-text';

const ARTIFACTS = new URL('../../../test/artifacts/', import.meta.url);

/** Width and height of page `page` in points, from pdfinfo. */
function pageSize(pdf: Uint8Array, page: number): { width: number; height: number } {
  const dir = mkdtempSync(join(tmpdir(), 'kasian-pdf-'));
  try {
    writeFileSync(join(dir, 'r.pdf'), pdf);
    const info = execFileSync('pdfinfo', ['-f', String(page), '-l', String(page), join(dir, 'r.pdf')], { encoding: 'utf8' });
    const [, width, height] = /Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/.exec(info)!;
    return { width: Number(width), height: Number(height) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

let renderer: ChromiumPdfRenderer;
let font: OfficialFont;
let pdf: Uint8Array;

beforeAll(async () => {
  [renderer, font] = await Promise.all([ChromiumPdfRenderer.launch(), loadLaksaman()]);
  pdf = await renderItaReportPdf(ITA_REPORT_001, renderer, { font });
  mkdirSync(ARTIFACTS, { recursive: true });
  writeFileSync(new URL('ita-report-001.pdf', ARTIFACTS), pdf);
  writeFileSync(new URL('ita-report-001-page1.png', ARTIFACTS), pdfPageToPng(pdf, 1, 60));
});

afterAll(async () => {
  await renderer?.close();
});

describe('the FY2568 ITA measures report of 001 as PDF', () => {
  it('prints every page as landscape A4 (842 × 595 pt)', () => {
    const pages = pdfPageCount(pdf);
    expect(pages).toBeGreaterThanOrEqual(2);
    for (let page = 1; page <= pages; page++) {
      const { width, height } = pageSize(pdf, page);
      expect([Math.round(width), Math.round(height)]).toEqual([842, 595]);
    }
  });

  it('gives back the heading, the organisation and the published result, in order', () => {
    const stream = textStream(pdfToText(pdf));
    const heading = [`${ITA_REPORT_TITLE} ประจำปีงบประมาณ พ.ศ. ๒๕๖๘`, 'องค์การบริหารส่วนตำบลป่าตึง ตำบลป่าตึง อำเภอแม่จัน จังหวัดเชียงราย', ITA_REPORT_001.intro!];
    expect(checkLinesInOrder(heading, stream)).toEqual({ found: 3, missing: null });
  });

  it('repeats the year\'s seven column headers on every page', () => {
    for (let page = 1; page <= pdfPageCount(pdf); page++) {
      const stream = textStream(pdfToText(pdf, 'content', { first: page, last: page }));
      const missing = ITA_REPORT_001.columns.filter((c) => findInStream(stream, c.header) < 0).map((c) => c.header);
      expect({ page, missing }).toEqual({ page, missing: [] });
    }
  });

  it('gives back every line of every cell intact (Thai shaped, wrap spaces kept), rows in order', () => {
    const stream = textStream(pdfToText(pdf, 'content'));
    const missing = ITA_REPORT_001.rows.flatMap((row) => Object.values(row.cells).flatMap((cell) => cell.split('\n')).filter((line) => findInStream(stream, line) < 0));
    expect(missing).toEqual([]);
    const titles = ITA_REPORT_001.rows.map((row) => row.cells.title);
    expect(checkLinesInOrder(titles, stream)).toEqual({ found: 3, missing: null });
  });

  it('embeds the font', () => {
    expect(pdfFonts(pdf).every((f) => f.embedded)).toBe(true);
  });

  it('closes with the นายก’s decision block once signed off (000: หากเห็นชอบผู้บริหารลงนาม); the unsigned report has none', async () => {
    const signature = { nameAsPrinted: '(นายณัฐกรณ์ ใจรังสี)', rankLine: null, positionTitleAsPrinted: 'นายกองค์การบริหารส่วนตำบลป่าตึง', dateTextBE: '๓๐ กันยายน ๒๕๖๘' };
    const signed = await renderItaReportPdf({ ...ITA_REPORT_001, approval: { kind: 'decision', opinionOf: 'นายกองค์การบริหารส่วนตำบลป่าตึง', decision: 'เห็นชอบ', signature } }, renderer, { font });
    const stream = textStream(pdfToText(signed));
    const closing = ['ความเห็นของนายกองค์การบริหารส่วนตำบลป่าตึง', 'เห็นชอบ', '(ลงชื่อ)', '(นายณัฐกรณ์ ใจรังสี)', 'นายกองค์การบริหารส่วนตำบลป่าตึง', '๓๐ กันยายน ๒๕๖๘'];
    expect(checkLinesInOrder(closing, stream)).toEqual({ found: closing.length, missing: null });
    expect(findInStream(textStream(pdfToText(pdf)), '(ลงชื่อ)')).toBe(-1);
  });
});

describe('renderItaReportHtml', () => {
  it('prints the fiscal year in Arabic digits when the office writes Arabic, and escapes every cell', () => {
    const markup = renderItaReportHtml({ ...ITA_REPORT_001, digits: 'arabic', rows: [{ cells: { title: '<script>x</script>', label: '1' } }] }, { font });
    expect(markup).toContain('ประจำปีงบประมาณ พ.ศ. 2568');
    expect(markup).not.toContain('<script>x');
    expect(markup).toContain('&lt;script&gt;x&lt;/script&gt;');
    expect(markup).toContain('size: A4 landscape');
  });

  it('prints only the columns of the year, in their order', () => {
    const columns = [{ key: 'title', header: 'มาตรการ/แนวทาง' }, { key: 'followUp', header: 'การติดตามผล' }];
    const markup = renderItaReportHtml({ ...ITA_REPORT_001, columns, rows: [{ cells: { title: 'มาตรการลดขั้นตอน', followUp: 'รายงานความก้าวหน้า', summary: 'ไม่พิมพ์' } }] }, { font });
    expect(markup).toContain('<th>มาตรการ/แนวทาง</th><th>การติดตามผล</th>');
    expect(markup).not.toContain('ไม่พิมพ์');
  });
});
