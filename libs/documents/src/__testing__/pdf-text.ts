import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** `raw-order`: poppler's default reading order; `layout`: -layout; `content`: -raw, the order the page drew its text (cell by cell in a table). */
export type PdfTextMode = 'raw-order' | 'layout' | 'content';

function withPdfFile<T>(pdf: Uint8Array, use: (path: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'kasian-pdf-'));
  try {
    const path = join(dir, 'document.pdf');
    writeFileSync(path, pdf);
    return use(path);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `pdftotext` (poppler) to stdout; `layout` adds -layout; `pages` limits it to a range. */
export function pdfToText(pdf: Uint8Array, mode: PdfTextMode = 'raw-order', pages?: { first: number; last: number }): string {
  const range = pages ? ['-f', String(pages.first), '-l', String(pages.last)] : [];
  const flags = [...(mode === 'layout' ? ['-layout'] : mode === 'content' ? ['-raw'] : []), ...range];
  return withPdfFile(pdf, (path) => execFileSync('pdftotext', [...flags, '-enc', 'UTF-8', path, '-'], { encoding: 'utf8' }));
}

/** Page `page` as PNG bytes at `dpi`, via `pdftoppm`. */
export function pdfPageToPng(pdf: Uint8Array, page: number, dpi = 80): Buffer {
  const args = ['-png', '-r', String(dpi), '-f', String(page), '-l', String(page), '-singlefile'];
  return withPdfFile(pdf, (path) => execFileSync('pdftoppm', [...args, path], { maxBuffer: 64 * 1024 * 1024 }));
}

export function pdfPageCount(pdf: Uint8Array): number {
  const info = withPdfFile(pdf, (path) => execFileSync('pdfinfo', [path], { encoding: 'utf8' }));
  return Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
}

/** A PDF font entry from `pdffonts`: name, whether embedded and subset. */
export function pdfFonts(pdf: Uint8Array): { name: string; embedded: boolean }[] {
  const out = withPdfFile(pdf, (path) => execFileSync('pdffonts', [path], { encoding: 'utf8' }));
  return out
    .split('\n')
    .slice(2)
    .filter((l) => l.trim())
    .map((l) => {
      const cols = l.trim().split(/\s+/);
      return { name: cols[0], embedded: cols.at(-5) === 'yes' };
    });
}
