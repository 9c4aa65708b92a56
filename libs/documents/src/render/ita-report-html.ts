import { toDigits } from '@kasian/thai';
import type { ItaMeasuresReport, ItaReportColumn, ItaReportRow } from '../report/ita-report';
import { html, lines, SafeHtml } from './html';
import { renderDecisionBlock } from './memo-html';
import type { OfficialFont } from './official-font';
import { officialStyle } from './official-style';

export interface ItaReportHtmlOptions {
  readonly font: OfficialFont;
}

/**
 * Landscape A4 like the seeds' reports: a centred heading, then one table whose header row
 * repeats on every page; a row moves whole to the next page when it does not fit (as the seeds
 * print a measure per page), and only a row taller than a page is split.
 */
const ITA_REPORT_STYLE = new SafeHtml(`
@page { size: A4 landscape; margin: 1.5cm 1.5cm 1.5cm 2cm; }
.report-head { text-align: center; margin-bottom: 0.5em; }
.report-title { font-size: calc(18 * var(--th-pt)); font-weight: 700; }
.report-intro { text-indent: 2.5cm; margin-bottom: 0.5em; }
.measures { width: 100%; border-collapse: collapse; table-layout: fixed; font-size: calc(14 * var(--th-pt)); }
.measures col.label { width: 3.2em; }
.measures col.title { width: 14%; }
.measures col.timeframe { width: 8%; }
.measures col.responsible { width: 11%; }
.measures thead { display: table-header-group; }
.measures th, .measures td { border: 0.75pt solid #000; padding: 0.15em 0.3em; vertical-align: top; text-align: left; }
.measures th { font-weight: 700; text-align: center; vertical-align: middle; }
.measures td.label { text-align: center; white-space: nowrap; }
.measures tr { break-inside: avoid; }
`);

function fiscalYearText(report: ItaMeasuresReport): string {
  return `ประจำปีงบประมาณ พ.ศ. ${toDigits(report.fiscalYear, report.digits ?? 'thai')}`;
}

function heading(report: ItaMeasuresReport): SafeHtml {
  return html`<header class="report-head">
<p class="report-title">${report.title} ${fiscalYearText(report)}</p>
<p class="report-organisation">${report.organisation}${report.address ? ` ${report.address}` : ''}</p>
</header>`;
}

function row(columns: readonly ItaReportColumn[], item: ItaReportRow): SafeHtml {
  return html`<tr>${columns.map((c) => html`<td class="${c.key === 'label' ? 'label' : 'cell'}">${lines(item.cells[c.key] ?? '')}</td>`)}</tr>`;
}

function table(report: ItaMeasuresReport): SafeHtml {
  return html`<table class="measures">
<colgroup>${report.columns.map((c) => html`<col class="${c.key}">`)}</colgroup>
<thead><tr>${report.columns.map((c) => html`<th>${c.header}</th>`)}</tr></thead>
<tbody>${report.rows.map((r) => row(report.columns, r))}</tbody>
</table>`;
}

/** The ITA measures report as a self-contained landscape A4 page; pure, no I/O. */
export function renderItaReportHtml(report: ItaMeasuresReport, options: ItaReportHtmlOptions): string {
  return html`<!DOCTYPE html>
<html lang="th">
<head>
<meta charset="utf-8">
<title>${report.title} ${fiscalYearText(report)} ${report.organisation}</title>
<style>${officialStyle(options.font)}${ITA_REPORT_STYLE}</style>
</head>
<body>
<article class="ita-report">
${heading(report)}
${report.intro ? html`<p class="report-intro">${report.intro}</p>` : ''}
${table(report)}
${report.approval ? renderDecisionBlock(report.approval, { blockDates: true }) : ''}
</article>
</body>
</html>
`.markup;
}
