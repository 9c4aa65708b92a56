import type { ItaMeasuresReport } from '../report/ita-report';
import { renderItaReportHtml, type ItaReportHtmlOptions } from '../render/ita-report-html';
import type { PdfRenderer } from './pdf-renderer.port';

export function renderItaReportPdf(report: ItaMeasuresReport, renderer: PdfRenderer, options: ItaReportHtmlOptions): Promise<Uint8Array> {
  return renderer.print(renderItaReportHtml(report, options));
}
