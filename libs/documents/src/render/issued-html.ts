import { formatThaiDate, THAI_DATE_FORMS, toDigits, type CalendarDate, type DigitScript } from '@kasian/thai';
import type { SignatureSnapshot } from '../memo/signature';
import { html, lines, type SafeHtml } from './html';

/**
 * What orders and announcements share (domain.md §4): a `ที่ <number>/<BE year>` line, the date
 * line after the body (`สั่ง ณ วันที่` / `ประกาศ ณ วันที่`, with พ.ศ.) and the signer's block with
 * no (ลงชื่อ). A draft prints dots where the register's number, the date or the signer will go.
 */
const BLANK = '.'.repeat(12);
const BLANK_LINE = '.'.repeat(40);

/** `๑๕๒/๒๕๖๖`: running number and Buddhist-era year of the register; dots for what a draft lacks. */
export function formatNumberAndYear(number: number | null, yearBE: number | null, digits: DigitScript): string {
  return toDigits(`${number ?? BLANK}/${yearBE ?? BLANK}`, digits);
}

/** `<label> ๓๐ มกราคม พ.ศ. ๒๕๖๖`; dots on a draft not dated yet. */
export function formatIssuedOn(label: string, date: CalendarDate | null, digits: DigitScript): string {
  if (!date) return `${label} ${BLANK_LINE}`;
  const form = digits === 'thai' ? THAI_DATE_FORMS.full : THAI_DATE_FORMS.arabic;
  return `${label} ${formatThaiDate(date, { ...form, era: 'พ.ศ. ' })}`;
}

/** Signature space · rank line · (name) · position line(s); an unsigned draft prints a dotted name. */
export function issuerSignature(signature: SignatureSnapshot | null): SafeHtml {
  if (!signature) return html`<div class="issued-signer signature"><div class="signature-space"></div><p>(${BLANK_LINE})</p></div>`;
  return html`<div class="issued-signer signature"><div class="signature-space"></div>
${signature.rankLine ? html`<p>${signature.rankLine}</p>` : ''}
<p>${signature.nameAsPrinted}</p>
<p>${lines(signature.positionTitleAsPrinted)}</p>
</div>`;
}
