import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { ANNOUNCEMENT_001 } from './__fixtures__/announcement-001';
import { pdfFonts, pdfPageCount, pdfPageToPng, pdfToText } from './__testing__/pdf-text';
import { checkLinesInOrder, findInStream, textStream } from './__testing__/text-stream';
import { ChromiumPdfRenderer, loadLaksaman, renderAnnouncementHtml, renderAnnouncementPdf, type Announcement, type OfficialFont } from './index';

const SOURCE = readFileSync(new URL('./__fixtures__/announcement-001.source.txt', import.meta.url), 'utf8');
const SOURCE_LINES = SOURCE.split('\n').filter((l) => l.trim() !== '');
const ARTIFACTS = new URL('../../../test/artifacts/', import.meta.url);

let renderer: ChromiumPdfRenderer;
let font: OfficialFont;
let pdf: Uint8Array;

beforeAll(async () => {
  [renderer, font] = await Promise.all([ChromiumPdfRenderer.launch(), loadLaksaman()]);
  pdf = await renderAnnouncementPdf(ANNOUNCEMENT_001, renderer, { font });
  mkdirSync(ARTIFACTS, { recursive: true });
  writeFileSync(new URL('announcement-001.pdf', ARTIFACTS), pdf);
  writeFileSync(new URL('announcement-001-page1.png', ARTIFACTS), pdfPageToPng(pdf, 1, 80));
});

afterAll(async () => {
  await renderer?.close();
});

describe('the 001 No Gift Policy ประกาศ as PDF', () => {
  it('reads the expected page as 11 lines: heading, number, เรื่อง, four paragraphs, ทั้งนี้, ประกาศ ณ วันที่, name, position', () => {
    expect(SOURCE_LINES).toHaveLength(11);
    expect(SOURCE_LINES[0]).toBe('ประกาศองค์การบริหารส่วนตำบลป่าตึง');
    expect(SOURCE_LINES.slice(-4)).toEqual(['ทั้งนี้ ตั้งแต่วันที่ ๑ ตุลาคม พ.ศ. ๒๕๖๗ เป็นต้นไป', 'ประกาศ ณ วันที่ ๑ ตุลาคม พ.ศ. ๒๕๖๗', '(นายณัฐกรณ์ ใจรังสี)', 'นายกองค์การบริหารส่วนตำบลป่าตึง']);
  });

  it('gives back every line, intact and in order (pdftotext default order)', () => {
    const stream = textStream(pdfToText(pdf));
    expect(checkLinesInOrder(SOURCE_LINES, stream)).toEqual({ found: SOURCE_LINES.length, missing: null });
  });

  it('gives back every line, intact and in order (pdftotext -layout)', () => {
    const stream = textStream(pdfToText(pdf, 'layout'));
    expect(checkLinesInOrder(SOURCE_LINES, stream)).toEqual({ found: SOURCE_LINES.length, missing: null });
  });

  it('centres the heading and the number, indents the paragraphs, and sets the date and the signer to the right', () => {
    const layout = pdfToText(pdf, 'layout').split('\n');
    /** Columns before `text` on its line (needles avoid the Thai marks poppler may space out). */
    const indentOf = (text: string) => {
      const line = layout.find((l) => l.normalize('NFC').includes(text));
      if (!line) throw new Error(`no line with ${text}`);
      return line.length - line.trimStart().length;
    };
    const paragraph = indentOf('ตามที่องค์การบริหาร');
    expect(paragraph).toBeGreaterThan(0);
    expect(indentOf('ประกาศองค์การบริหาร')).toBeGreaterThan(paragraph);
    expect(indentOf('ที่ ๒๕/๒๕๖๗')).toBeGreaterThan(indentOf('ประกาศองค์การบริหาร'));
    expect(indentOf('ทั้งนี้ ตั้งแต่วันที่')).toBe(paragraph);
    expect(indentOf('ประกาศ ณ วันที่')).toBeGreaterThan(paragraph);
    expect(indentOf('(นายณัฐกรณ์')).toBeGreaterThan(indentOf('ประกาศ ณ วันที่'));
  });

  it('fits on one page and embeds the font', () => {
    expect(pdfPageCount(pdf)).toBe(1);
    const fonts = pdfFonts(pdf);
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.every((f) => f.embedded)).toBe(true);
  });

  it('prints a draft with dots for the number, the date and the name, effective from now', async () => {
    const draft: Announcement = { ...ANNOUNCEMENT_001, number: null, yearBE: null, date: null, signer: null, effectiveDate: null };
    const stream = textStream(pdfToText(await renderAnnouncementPdf(draft, renderer, { font })));
    const lines = ['ประกาศองค์การบริหารส่วนตำบลป่าตึง', `ที่ ${'.'.repeat(12)}/${'.'.repeat(12)}`, 'ทั้งนี้ ตั้งแต่บัดนี้เป็นต้นไป', `ประกาศ ณ วันที่ ${'.'.repeat(40)}`, `(${'.'.repeat(40)})`];
    expect(checkLinesInOrder(lines, stream)).toEqual({ found: lines.length, missing: null });
    expect(findInStream(stream, 'ใจรังสี')).toBe(-1);
  });
});

describe('renderAnnouncementHtml', () => {
  const text = (markup: string) => markup.replace(/<head>[\s\S]*?<\/head>/, '').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

  it('heads a council announcement ประกาศสภา… and leaves out the ที่ line of an unnumbered one', () => {
    const markup = renderAnnouncementHtml({ ...ANNOUNCEMENT_001, issuer: 'COUNCIL', numbered: false, number: null, yearBE: null }, { font });
    expect(text(markup)).toMatch(/^ ประกาศสภาองค์การบริหารส่วนตำบลป่าตึง เรื่อง นโยบาย/);
    expect(markup).not.toContain('issued-number');
  });

  it('prints the number, the effective date and ประกาศ ณ วันที่ in Arabic digits when the office writes Arabic', () => {
    const printed = text(renderAnnouncementHtml({ ...ANNOUNCEMENT_001, digits: 'arabic' }, { font }));
    expect(printed).toContain('ที่ 25/2567');
    expect(printed).toContain('ทั้งนี้ ตั้งแต่วันที่ 1 ตุลาคม พ.ศ. 2567 เป็นต้นไป');
    expect(printed).toContain('ประกาศ ณ วันที่ 1 ตุลาคม พ.ศ. 2567');
  });

  it('prints a rank line above the name and breaks the subject where the drafter put a newline', () => {
    const signer = { nameAsPrinted: '(กิตติชัย เจริญยิ่ง)', rankLine: 'ร้อยโท', positionTitleAsPrinted: 'ปลัดองค์การบริหารส่วนตำบลป่าตึง\nรักษาราชการแทนนายกองค์การบริหารส่วนตำบลป่าตึง', dateTextBE: null };
    const markup = renderAnnouncementHtml({ ...ANNOUNCEMENT_001, subject: 'นโยบาย No Gift Policy\nประจำปีงบประมาณ พ.ศ. ๒๕๖๘', signer }, { font });
    expect(markup).toContain('เรื่อง นโยบาย No Gift Policy<br>ประจำปีงบประมาณ พ.ศ. ๒๕๖๘');
    expect(text(markup)).toContain('ร้อยโท (กิตติชัย เจริญยิ่ง) ปลัดองค์การบริหารส่วนตำบลป่าตึง รักษาราชการแทนนายกองค์การบริหารส่วนตำบลป่าตึง');
  });

  it('escapes markup in every field', () => {
    const markup = renderAnnouncementHtml({ ...ANNOUNCEMENT_001, organisation: '<script>x</script>', paragraphs: ['<b>x</b>'] }, { font });
    expect(markup).not.toMatch(/<(script|b)>/);
    expect(markup).toContain('ประกาศ&lt;script&gt;');
  });
});
