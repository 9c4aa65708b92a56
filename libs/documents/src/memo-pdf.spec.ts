import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { ChromiumPdfRenderer, loadLaksaman, renderMemoHtml, renderMemoPdf, TIMELINE_TITLE, type OfficialFont } from './index';
import { MEMO_001 } from './__fixtures__/memo-001';
import { ROUTE_001, VERSION_1_HASH, VERSION_2_HASH } from './__fixtures__/route-001';
import { checkLinesInOrder, findInStream, textStream } from './__testing__/text-stream';
import { pdfFonts, pdfPageCount, pdfPageToPng, pdfToText, type PdfTextMode } from './__testing__/pdf-text';

const SOURCE = readFileSync(new URL('./__fixtures__/memo-001.source.txt', import.meta.url), 'utf8');
const CONTINUATION_MARKER = '/ จึงเรียนมา...';
/** Every printed line of the 001 memo: blank lines and the page-continuation marker (not content, §3.1) left out. */
const SOURCE_LINES = SOURCE.split('\n').filter((l) => l.trim() !== '' && l !== CONTINUATION_MARKER);
const ARTIFACTS = new URL('../../../test/artifacts/', import.meta.url);

let renderer: ChromiumPdfRenderer;
let font: OfficialFont;

/** Chromium browser processes started by this test process (Playwright launches them as its children). */
function chromiumChildren(): number[] {
  const out = execFileSync('ps', ['-o', 'pid=,comm=', '--ppid', String(process.pid)], { encoding: 'utf8' });
  return out
    .split('\n')
    .map((l) => l.trim().split(/\s+/))
    .filter(([, comm]) => comm?.startsWith('chromium'))
    .map(([pid]) => Number(pid));
}

beforeAll(async () => {
  [renderer, font] = await Promise.all([ChromiumPdfRenderer.launch(), loadLaksaman()]);
});

afterAll(async () => {
  await renderer?.close();
});

describe('the 001 memo as PDF', () => {
  let pdf: Uint8Array;

  beforeAll(async () => {
    pdf = await renderer.print(renderMemoHtml(MEMO_001, { font }));
    mkdirSync(ARTIFACTS, { recursive: true });
    writeFileSync(new URL('memo-001.pdf', ARTIFACTS), pdf);
    writeFileSync(new URL('memo-001-page1.png', ARTIFACTS), pdfPageToPng(pdf, 1, 80));
  });

  it.each<PdfTextMode>(['raw-order', 'layout'])('gives back every Thai line of the source, intact and in order (pdftotext %s)', (mode) => {
    const stream = textStream(pdfToText(pdf, mode));
    expect(SOURCE_LINES).toHaveLength(38);
    expect(checkLinesInOrder(SOURCE_LINES, stream)).toEqual({ found: SOURCE_LINES.length, missing: null });
  });

  it('does not print the continuation marker as content', () => {
    expect(textStream(pdfToText(pdf))).not.toContain('จึงเรียนมา...');
  });

  it('embeds the font', () => {
    const fonts = pdfFonts(pdf);
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.every((f) => f.embedded)).toBe(true);
  });

  it('runs to two pages, the blocks after the body', () => {
    expect(pdfPageCount(pdf)).toBe(2);
  });
});

describe('the route timeline appendix', () => {
  let pdf: Uint8Array;

  beforeAll(async () => {
    pdf = await renderMemoPdf(MEMO_001, renderer, { font, timeline: ROUTE_001 });
    writeFileSync(new URL('memo-001-timeline.pdf', ARTIFACTS), pdf);
    writeFileSync(new URL('memo-001-timeline-page3.png', ARTIFACTS), pdfPageToPng(pdf, 3, 80));
  });

  it('starts on a page of its own after the memo', () => {
    expect(pdfPageCount(pdf)).toBe(3);
    expect(textStream(pdfToText(pdf, 'raw-order', { first: 1, last: 2 }))).not.toContain(TIMELINE_TITLE);
    expect(textStream(pdfToText(pdf, 'raw-order', { first: 3, last: 3 }))).toContain(TIMELINE_TITLE);
  });

  it('prints every row: step, who, position, on behalf of, order, when, words', () => {
    const stream = textStream(pdfToText(pdf, 'raw-order', { first: 3, last: 3 }));
    const cells = ROUTE_001.rows.flatMap((r) => [r.step, r.who, r.position, r.onBehalfOf, r.orderRef, r.words].filter((c): c is string => c !== null));
    expect(cells.filter((cell) => findInStream(stream, cell) < 0)).toEqual([]);
    expect(findInStream(stream, '๒๒ ตุลาคม ๒๕๖๘ เวลา ๐๐.๑๐ น.')).toBeGreaterThan(0);
  });

  it('prints each version hash whole, on one line, as stored', () => {
    const lines = pdfToText(pdf, 'layout', { first: 3, last: 3 }).split('\n').map((l) => l.trim());
    const hashes = lines.filter((l) => l.startsWith('ฉบับเอกสาร')).map((l) => l.replace(/^ฉบับเอกสาร\s+/, ''));
    expect(hashes).toEqual([VERSION_1_HASH, VERSION_1_HASH, VERSION_2_HASH, VERSION_2_HASH]);
  });
});

describe('markup in the text', () => {
  it('is printed as text, not run', async () => {
    const subject = '<script>document.title="x"</script><b>ตัวหนา</b>';
    const pdf = await renderer.print(renderMemoHtml({ ...MEMO_001, subject }, { font }));
    expect(findInStream(textStream(pdfToText(pdf)), subject)).toBeGreaterThan(0);
  });
});

describe('ChromiumPdfRenderer', () => {
  it('prints pages concurrently on one browser', async () => {
    const html = renderMemoHtml(MEMO_001, { font });
    const pdfs = await Promise.all([1, 2, 3].map(() => renderer.print(html)));
    expect(pdfs.map((p) => pdfPageCount(p))).toEqual([2, 2, 2]);
  });

  it('launches a new browser when the old one is killed under it, and prints on it', async () => {
    const before = chromiumChildren();
    const own = await ChromiumPdfRenderer.launch();
    try {
      const launched = chromiumChildren().filter((pid) => !before.includes(pid));
      expect(launched).toHaveLength(1);
      process.kill(launched[0]!, 'SIGKILL');
      const pdfs = await Promise.all([1, 2].map(() => own.print(renderMemoHtml(MEMO_001, { font }))));
      expect(pdfs.map((p) => pdfPageCount(p))).toEqual([2, 2]);
      expect(own.launches).toBe(2);
    } finally {
      await own.close();
    }
  });

  it('refuses to print when the font does not load, rather than fall back silently', async () => {
    const broken: OfficialFont = { ...font, faces: font.faces.map((f) => ({ ...f, url: 'data:font/ttf;base64,AAAA' })) };
    await expect(renderer.print(renderMemoHtml(MEMO_001, { font: broken }))).rejects.toThrow(/Fonts not loaded/);
  });
});
