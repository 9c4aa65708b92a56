import { toDigits, type DigitScript } from '@kasian/thai';
import type { Memo, MemoSection } from '../memo/memo';
import type { RouteTimeline } from '../memo/route-timeline';
import type { DecisionBlock, MemoBlock, OpinionBlock, SignatureSnapshot, SignerBlock } from '../memo/signature';
import { html, lines, type SafeHtml } from './html';
import { formatMemoDate } from './memo-date';
import type { OfficialFont } from './official-font';
import { officialStyle } from './official-style';
import { renderRouteTimeline } from './route-timeline-html';

export interface MemoHtmlOptions {
  readonly font: OfficialFont;
  /** Printed on a page of its own after the memo. */
  readonly timeline?: RouteTimeline;
  /** Print each block's date under its position; the 001 memo has none. */
  readonly blockDates?: boolean;
}

export const MEMO_TITLE = 'บันทึกข้อความ';
const SIGNED = '(ลงชื่อ)';
const OPINION_OF = 'ความเห็นของ';
const BLANK_OPINION_LINES = 2;
const DOTS = '.'.repeat(160);

function digitsOf(memo: Memo): DigitScript {
  return memo.digits ?? 'thai';
}

function field(label: string, value: string, className = 'field'): SafeHtml {
  return html`<div class="${className}"><span class="field-label">${label}</span><span class="field-value">${value}</span></div>`;
}

/** A draft not numbered or dated yet prints its ที่ and วันที่ lines empty, as on paper. */
function header(memo: Memo): SafeHtml {
  return html`<header>
<h1 class="memo-title">${MEMO_TITLE}</h1>
${field('ส่วนราชการ', memo.agency)}
<div class="field-row">${field('ที่', memo.documentNumber ?? '')}${field('วันที่', formatMemoDate(memo))}</div>
${field('เรื่อง', memo.subject)}
</header>
<p class="addressee">เรียน ${memo.addressee}</p>`;
}

function section(memoSection: MemoSection, index: number, digits: DigitScript): SafeHtml {
  const number = toDigits(index + 1, digits);
  return html`<section class="memo-section">
<p class="section-title">${number}. ${memoSection.title}</p>
${memoSection.paragraphs.map((p) => html`<p class="paragraph">${p}</p>`)}
${memoSection.items.map((item, i) => html`<p class="item">${number}.${toDigits(i + 1, digits)} ${item}</p>`)}
</section>`;
}

function body(memo: Memo): SafeHtml {
  const digits = digitsOf(memo);
  return html`<main class="memo-body">
${(memo.paragraphs ?? []).map((p) => html`<p class="paragraph">${p}</p>`)}
${memo.sections.map((s, i) => section(s, i, digits))}
<p class="closing">${memo.closing}</p>
</main>`;
}

function signatureLines(signature: SignatureSnapshot, options: Pick<MemoHtmlOptions, 'blockDates'>): SafeHtml {
  return html`${signature.rankLine ? html`<p>${signature.rankLine}</p>` : ''}
<p>${signature.nameAsPrinted}</p>
<p>${lines(signature.positionTitleAsPrinted)}</p>
${options.blockDates && signature.dateTextBE ? html`<p>${signature.dateTextBE}</p>` : ''}`;
}

function signerBlock(block: SignerBlock, options: MemoHtmlOptions): SafeHtml {
  return html`<div class="block signer"><div class="signature">
<p>${SIGNED}</p><div class="signature-space"></div>
${signatureLines(block.signature, options)}
</div></div>`;
}

function isBlank(text: string | null): boolean {
  return !text || text.trim() === '';
}

function opinionText(opinion: string | null): SafeHtml {
  if (isBlank(opinion)) return html`${Array.from({ length: BLANK_OPINION_LINES }, () => html`<p class="dotted">${DOTS}</p>`)}`;
  return html`<p class="opinion-text">${lines(opinion as string)}</p>`;
}

function opinionBlock(block: OpinionBlock, options: MemoHtmlOptions): SafeHtml {
  return html`<div class="block opinion">
<p class="opinion-heading">${OPINION_OF}${block.opinionOf}</p>
${opinionText(block.opinion)}
<div class="signature"><div class="signature-space"></div>
${signatureLines(block.signature, options)}
</div></div>`;
}

/** Also closes a report the executive signed (ita-report-html). */
export function renderDecisionBlock(block: DecisionBlock, options: Pick<MemoHtmlOptions, 'blockDates'>): SafeHtml {
  return html`<div class="block decision">
<p class="opinion-heading">${OPINION_OF}${block.opinionOf}</p>
<p class="opinion-text">${lines(block.decision)}</p>
<div class="signature">
<p>${SIGNED}</p><div class="signature-space"></div>
${signatureLines(block.signature, options)}
</div></div>`;
}

function memoBlock(block: MemoBlock, options: MemoHtmlOptions): SafeHtml {
  switch (block.kind) {
    case 'signer':
      return signerBlock(block, options);
    case 'opinion':
      return opinionBlock(block, options);
    case 'decision':
      return renderDecisionBlock(block, options);
  }
}

/** The memo as a self-contained A4 HTML page in the layout of the 001 memo; pure, no I/O. */
export function renderMemoHtml(memo: Memo, options: MemoHtmlOptions): string {
  return html`<!DOCTYPE html>
<html lang="th">
<head>
<meta charset="utf-8">
<title>${MEMO_TITLE}${memo.documentNumber ? ` ${memo.documentNumber}` : ''} เรื่อง ${memo.subject}</title>
<style>${officialStyle(options.font)}</style>
</head>
<body>
<article class="memo">
${header(memo)}
${body(memo)}
<section class="blocks">${memo.blocks.map((b) => memoBlock(b, options))}</section>
</article>
${options.timeline ? renderRouteTimeline(options.timeline, memo, digitsOf(memo)) : ''}
</body>
</html>
`.markup;
}
