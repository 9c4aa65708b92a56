import { bangkokDateOf, formatThaiDate, toDigits, type DigitScript } from '@kasian/thai';
import type { Memo } from '../memo/memo';
import type { RouteTimeline, RouteTimelineRow } from '../memo/route-timeline';
import { html, type SafeHtml } from './html';
import { formatMemoDate } from './memo-date';

export const TIMELINE_TITLE = 'บันทึกเส้นทางการพิจารณาเอกสาร';

const bangkokTime = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Bangkok',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** `๒๑ ตุลาคม ๒๕๖๘ เวลา ๐๙.๑๕ น.`, in Asia/Bangkok. */
export function formatTimelineInstant(at: Date, digits: DigitScript): string {
  const date = formatThaiDate(bangkokDateOf(at), digits === 'thai' ? 'full' : 'arabic');
  const time = bangkokTime.format(at).replace(':', '.');
  return toDigits(`${date} เวลา ${time} น.`, digits);
}

function entry(label: string, value: string | null, className = ''): SafeHtml {
  if (value === null) return html``;
  return html`<tr><th>${label}</th><td class="${className}">${value}</td></tr>`;
}

function timelineRow(row: RouteTimelineRow, index: number, digits: DigitScript): SafeHtml {
  return html`<tbody>
${entry('ขั้นตอน', `${toDigits(index + 1, digits)}. ${row.step}`)}
${entry('ผู้พิจารณา', row.who)}
${entry('ตำแหน่ง', row.position)}
${entry('แทน', row.onBehalfOf)}
${entry('อ้างอิงคำสั่ง', row.orderRef)}
${entry('วันเวลา', formatTimelineInstant(row.at, digits))}
${entry('ความเห็น / คำสั่ง', row.words)}
${entry('ฉบับที่', toDigits(row.versionNo, digits))}
${entry('ฉบับเอกสาร', row.versionHash, 'hash')}
</tbody>`;
}

/** `แนบท้ายบันทึกข้อความ ที่ … ลงวันที่ …`; a draft not numbered yet is named by its subject. */
function appendixSubtitle(memo: Memo): string {
  const date = formatMemoDate(memo);
  if (!memo.documentNumber) return `แนบท้ายร่างบันทึกข้อความ เรื่อง ${memo.subject}`;
  return `แนบท้ายบันทึกข้อความ ที่ ${memo.documentNumber}${date ? ` ลงวันที่ ${date}` : ''}`;
}

export function renderRouteTimeline(timeline: RouteTimeline, memo: Memo, digits: DigitScript): SafeHtml {
  return html`<section class="appendix">
<h2 class="appendix-title">${TIMELINE_TITLE}</h2>
<p class="appendix-subtitle">${appendixSubtitle(memo)}</p>
<table class="timeline">
${timeline.rows.map((r, i) => timelineRow(r, i, digits))}
</table>
</section>`;
}
