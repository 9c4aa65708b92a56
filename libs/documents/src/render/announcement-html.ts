import type { DigitScript } from '@kasian/thai';
import { type Announcement, announcementHeading } from '../announcement/announcement';
import { EFFECTIVE_FROM_NOW } from '../order/order';
import { html, lines, type SafeHtml } from './html';
import { formatIssuedOn, formatNumberAndYear, issuerSignature } from './issued-html';
import { ISSUED_STYLE } from './issued-style';
import type { OfficialFont } from './official-font';
import { officialStyle } from './official-style';

export interface AnnouncementHtmlOptions {
  readonly font: OfficialFont;
}

const ANNOUNCED_ON = 'ประกาศ ณ วันที่';
const EFFECTIVE_FROM = 'ทั้งนี้ ตั้งแต่วันที่';

function digitsOf(announcement: Announcement): DigitScript {
  return announcement.digits ?? 'thai';
}

/** `ทั้งนี้ ตั้งแต่วันที่ ๑ ตุลาคม พ.ศ. ๒๕๖๗ เป็นต้นไป`, or `ทั้งนี้ ตั้งแต่บัดนี้เป็นต้นไป` without a date. */
export function formatEffectiveClause(announcement: Announcement): string {
  if (!announcement.effectiveDate) return EFFECTIVE_FROM_NOW;
  return `${formatIssuedOn(EFFECTIVE_FROM, announcement.effectiveDate, digitsOf(announcement))} เป็นต้นไป`;
}

/** `ประกาศ ณ วันที่ ๒๑ ตุลาคม พ.ศ. ๒๕๖๘`; dots on a draft not dated yet. */
export function formatAnnouncementDate(announcement: Announcement): string {
  return formatIssuedOn(ANNOUNCED_ON, announcement.date, digitsOf(announcement));
}

function numberLine(announcement: Announcement): SafeHtml | string {
  if (!announcement.numbered) return '';
  return html`<p class="issued-number">ที่ ${formatNumberAndYear(announcement.number, announcement.yearBE, digitsOf(announcement))}</p>`;
}

function header(announcement: Announcement): SafeHtml {
  return html`<header class="issued-head">
<p class="issued-title">${announcementHeading(announcement)}</p>
${numberLine(announcement)}
<p class="issued-subject">เรื่อง ${lines(announcement.subject)}</p>
<div class="issued-rule"></div>
</header>`;
}

/** The announcement as a self-contained A4 HTML page in the official ประกาศ layout (no Garuda); pure, no I/O. */
export function renderAnnouncementHtml(announcement: Announcement, options: AnnouncementHtmlOptions): string {
  return html`<!DOCTYPE html>
<html lang="th">
<head>
<meta charset="utf-8">
<title>${announcementHeading(announcement)} เรื่อง ${announcement.subject}</title>
<style>${officialStyle(options.font)}${ISSUED_STYLE}</style>
</head>
<body>
<article class="announcement">
${header(announcement)}
<main class="issued-body">
${announcement.paragraphs.map((p) => html`<p class="paragraph">${p}</p>`)}
<p class="effective">${formatEffectiveClause(announcement)}</p>
</main>
<p class="issued-date">${formatAnnouncementDate(announcement)}</p>
${issuerSignature(announcement.signer)}
</article>
</body>
</html>
`.markup;
}
