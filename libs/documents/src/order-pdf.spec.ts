import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { ChromiumPdfRenderer, loadLaksaman, ORDER_MEMBER_ROLES, renderOrderHtml, renderOrderPdf, UnknownMemberRoleError, type OfficialFont } from './index';
import { ORDER_002 } from './__fixtures__/order-002';
import { checkLinesInOrder, findInStream, textStream } from './__testing__/text-stream';
import { pdfFonts, pdfPageCount, pdfPageToPng, pdfToText } from './__testing__/pdf-text';

const SOURCE = readFileSync(new URL('./__fixtures__/order-002.source.txt', import.meta.url), 'utf8');
const ARTIFACTS = new URL('../../../test/artifacts/', import.meta.url);

/** Page-continuation marker (§4.1 element 7) and the signature image read as text (I-27): not content. */
const NOT_CONTENT = new Set(['โดยให้คณะทำงาน...', '๙- ๙']);
const TABLE_ROW = /^\|.*\|$/;
const TABLE_MARKUP = /^(- \| [| ]*|\|[-|]+\|)$/;
const LIST_BULLET = /^ ?- /;
/** I-5: the seed has a stray space before the slash; the register prints `<no.>/<BE year>`. */
const I5_NUMBER = /^ที่ (\S+) \/(\S+)$/;
/** I-25: two Devanagari letters in the first member's name; no installed font draws them, so only the Thai runs around them are compared. */
const I25_DEVANAGARI = /[\u0900-\u097F]+/;

interface SourcePart {
  readonly text: string;
  readonly cell: boolean;
}

/**
 * The printed lines of the order part of seed 002, in order. The seed's conversion markup is
 * taken off (pipes of the member table, whose cells are compared one by one; list dashes), and
 * nothing else is changed except the number's I-5 space and the I-25 letters.
 */
function sourceParts(text: string): SourcePart[] {
  return text
    .split('\n')
    .filter((l) => l.trim() !== '' && !NOT_CONTENT.has(l) && !TABLE_MARKUP.test(l))
    .flatMap((l) => (TABLE_ROW.test(l) ? l.slice(1, -1).split('|').map((cell) => ({ text: cell.trim(), cell: true })) : [{ text: l, cell: false }]))
    .map((p) => ({ ...p, text: p.text.replace(LIST_BULLET, '').replace(I5_NUMBER, 'ที่ $1/$2') }))
    .flatMap((p) => p.text.split(I25_DEVANAGARI).map((run) => ({ ...p, text: run })));
}

/**
 * pdftotext's default mode reads the member table's columns as separate flows, so there the
 * cells are checked as a set inside the table's stretch of text (after the last line before the
 * table, before the first line after it); -layout keeps rows, so there everything is in order.
 */
function checkTableCells(parts: readonly SourcePart[], stream: string): string[] {
  const before = parts.slice(0, parts.findIndex((p) => p.cell)).map((p) => p.text);
  const after = parts.find((p, i) => !p.cell && parts[i - 1]?.cell)!.text;
  const start = checkLinesInOrder(before, stream).found === before.length ? findInStream(stream, before.at(-1)!) : -1;
  const region = stream.slice(start, stream.indexOf(after.slice(0, 20), start));
  return parts.filter((p) => p.cell && findInStream(region, p.text) < 0).map((p) => p.text);
}

const SOURCE_PARTS = sourceParts(SOURCE);
const SOURCE_LINES = SOURCE_PARTS.map((p) => p.text);

let renderer: ChromiumPdfRenderer;
let font: OfficialFont;
let pdf: Uint8Array;

beforeAll(async () => {
  [renderer, font] = await Promise.all([ChromiumPdfRenderer.launch(), loadLaksaman()]);
  pdf = await renderOrderPdf(ORDER_002, renderer, { font });
  mkdirSync(ARTIFACTS, { recursive: true });
  writeFileSync(new URL('order-002.pdf', ARTIFACTS), pdf);
  writeFileSync(new URL('order-002-page1.png', ARTIFACTS), pdfPageToPng(pdf, 1, 80));
});

afterAll(async () => {
  await renderer?.close();
});

describe('the 002 order as PDF', () => {
  it('reads the source as 20 lines and 27 member cells, the I-25 cell in two Thai runs', () => {
    expect(SOURCE_LINES).toHaveLength(20 + 27 + 1);
    expect(SOURCE_PARTS.filter((p) => p.cell)).toHaveLength(27 + 1);
    expect(SOURCE_LINES).toContain('๑) นาย');
    expect(SOURCE_LINES).toContain('\u0E38วัส อรุณรัตน์');
    expect(SOURCE_LINES).toContain('ที่ ๑๕๒/๒๕๖๖');
    expect(SOURCE_LINES).toContain('๓.๑ ก่อนการประเมิน เพื่อเตรียมความพร้อมในการประเมิน');
    expect(SOURCE_LINES.filter((l) => /[|]|^- /.test(l))).toEqual([]);
  });

  it('gives back every Thai line of the source, intact and in order, table rows included (pdftotext -layout)', () => {
    const stream = textStream(pdfToText(pdf, 'layout'));
    expect(checkLinesInOrder(SOURCE_LINES, stream)).toEqual({ found: SOURCE_LINES.length, missing: null });
  });

  it('gives back every line in order and every member cell intact within the table (pdftotext default order)', () => {
    const stream = textStream(pdfToText(pdf, 'raw-order'));
    const lines = SOURCE_PARTS.filter((p) => !p.cell).map((p) => p.text);
    expect(checkLinesInOrder(lines, stream)).toEqual({ found: lines.length, missing: null });
    expect(checkTableCells(SOURCE_PARTS, stream)).toEqual([]);
  });

  it('prints the date after the body and before the signer', () => {
    const stream = textStream(pdfToText(pdf));
    const effective = findInStream(stream, 'ทั้งนี้ ตั้งแต่บัดนี้เป็นต้นไป');
    const date = findInStream(stream, 'สั่ง ณ วันที่ ๓๐ มกราคม พ.ศ. ๒๕๖๖');
    const signer = findInStream(stream, '(นายธนวิศ อรุณรัตน์)');
    expect(effective).toBeGreaterThan(0);
    expect(date).toBeGreaterThan(effective);
    expect(signer).toBeGreaterThan(date);
  });

  it('does not print the continuation marker or the signature artefact', () => {
    const stream = textStream(pdfToText(pdf));
    expect(stream).not.toContain('คณะทำงาน...');
    expect(stream).not.toContain('๙- ๙');
  });

  it('embeds the font', () => {
    const fonts = pdfFonts(pdf);
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.every((f) => f.embedded)).toBe(true);
  });

  it('runs to two pages', () => {
    expect(pdfPageCount(pdf)).toBe(2);
  });
});

describe('renderOrderHtml', () => {
  const text = (markup: string) => markup.replace(/<style>[\s\S]*?<\/style>/, '').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

  it('prints the number, the date and the member numbers in Arabic digits when the office writes Arabic', () => {
    const printed = text(renderOrderHtml({ ...ORDER_002, digits: 'arabic' }, { font }));
    expect(printed).toContain('ที่ 152/2566');
    expect(printed).toContain('สั่ง ณ วันที่ 30 มกราคม พ.ศ. 2566');
    expect(printed).toContain('9) นางสาวชนิภา');
    expect(printed).toContain('3) ดำเนินการ');
    expect(printed).toContain('3.4 ประกาศผล');
  });

  it('leaves out the member table and duties when the order has none', () => {
    const printed = text(renderOrderHtml({ ...ORDER_002, members: [], duties: undefined, dutiesIntro: undefined }, { font }));
    expect(printed).not.toContain('ตำแหน่ง');
    expect(printed).not.toContain('๑)');
    expect(printed).toContain('ดังนี้ ทั้งนี้ ตั้งแต่บัดนี้เป็นต้นไป สั่ง ณ วันที่');
  });

  it('refuses a member role outside the configured list, and accepts one the office adds', () => {
    const order = { ...ORDER_002, members: [{ name: 'นายสมชาย ใจดี', position: 'รองปลัดเทศบาล', role: 'ที่ปรึกษา' }] };
    expect(() => renderOrderHtml(order, { font })).toThrow(UnknownMemberRoleError);
    expect(text(renderOrderHtml(order, { font, memberRoles: [...ORDER_MEMBER_ROLES, 'ที่ปรึกษา'] }))).toContain('ตำแหน่ง รองปลัดเทศบาล ที่ปรึกษา');
  });

  it('breaks the subject where the drafter put a newline', () => {
    const markup = renderOrderHtml({ ...ORDER_002, subject: 'แต่งตั้งคณะทำงาน\nเทศบาลตำบลสันมะเค็ด' }, { font });
    expect(markup).toContain('เรื่อง แต่งตั้งคณะทำงาน<br>เทศบาลตำบลสันมะเค็ด');
  });

  it('escapes markup in every field', () => {
    const markup = renderOrderHtml({ ...ORDER_002, organisation: '<script>x</script>', members: [{ name: '<b>x</b>', position: '"', role: 'คณะทำงาน' }] }, { font });
    expect(markup).not.toMatch(/<(script|b)>/);
    expect(markup).toContain('คำสั่ง&lt;script&gt;');
  });
});
