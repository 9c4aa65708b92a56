import type { Memo } from '../memo/memo';
import { renderMemoHtml, type MemoHtmlOptions } from '../render/memo-html';
import type { PdfRenderer } from './pdf-renderer.port';

export function renderMemoPdf(memo: Memo, renderer: PdfRenderer, options: MemoHtmlOptions): Promise<Uint8Array> {
  return renderer.print(renderMemoHtml(memo, options));
}
