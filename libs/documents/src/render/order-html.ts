import { toDigits, type DigitScript } from '@kasian/thai';
import { assertMemberRoles, ORDER_MEMBER_ROLES } from '../order/member-roles';
import type { Order, OrderDuty, OrderMember } from '../order/order';
import { html, lines, type SafeHtml } from './html';
import { formatIssuedOn, formatNumberAndYear, issuerSignature } from './issued-html';
import type { OfficialFont } from './official-font';
import { officialStyle } from './official-style';
import { ISSUED_STYLE, ORDER_STYLE } from './issued-style';

export interface OrderHtmlOptions {
  readonly font: OfficialFont;
  /** The roles members may hold; `ORDER_MEMBER_ROLES` unless the office configures its own. */
  readonly memberRoles?: readonly string[];
}

export const ORDER_TITLE = 'คำสั่ง';
const ORDERED_ON = 'สั่ง ณ วันที่';

function digitsOf(order: Order): DigitScript {
  return order.digits ?? 'thai';
}

/** `สั่ง ณ วันที่ ๓๐ มกราคม พ.ศ. ๒๕๖๖`; dots on a draft not dated yet. */
export function formatOrderDate(order: Order): string {
  return formatIssuedOn(ORDERED_ON, order.date, digitsOf(order));
}

/** `๑๕๒/๒๕๖๖`: running number and Buddhist-era year of the order register; dots for what a draft lacks. */
export function formatOrderNumber(order: Order): string {
  return formatNumberAndYear(order.number, order.yearBE, digitsOf(order));
}

function header(order: Order): SafeHtml {
  return html`<header class="issued-head">
<p class="issued-title">${ORDER_TITLE}${order.organisation}</p>
<p class="issued-number">ที่ ${formatOrderNumber(order)}</p>
<p class="issued-subject">เรื่อง ${lines(order.subject)}</p>
<div class="issued-rule"></div>
</header>`;
}

function memberRow(member: OrderMember, index: number, digits: DigitScript): SafeHtml {
  return html`<tr><td>${toDigits(index + 1, digits)}) ${member.name}</td><td>ตำแหน่ง ${member.position}</td><td>${member.role}</td></tr>`;
}

function members(order: Order): SafeHtml {
  if (!order.members?.length) return html``;
  return html`<table class="members"><tbody>${order.members.map((m, i) => memberRow(m, i, digitsOf(order)))}</tbody></table>`;
}

function duty(item: OrderDuty, index: number, digits: DigitScript): SafeHtml {
  const number = toDigits(index + 1, digits);
  return html`<p class="duty">${number}) ${item.text}</p>
${item.items.map((sub, i) => html`<p class="duty-item">${number}.${toDigits(i + 1, digits)} ${sub}</p>`)}`;
}

function duties(order: Order): SafeHtml {
  return html`${order.dutiesIntro ? html`<p class="duties-intro">${order.dutiesIntro}</p>` : ''}
${(order.duties ?? []).map((d, i) => duty(d, i, digitsOf(order)))}`;
}

function body(order: Order): SafeHtml {
  return html`<main class="issued-body">
${order.preamble.map((p) => html`<p class="paragraph">${p}</p>`)}
${members(order)}
${duties(order)}
<p class="effective">${order.effective}</p>
</main>`;
}

/** The order as a self-contained A4 HTML page in the layout of the 002 order; pure, no I/O. */
export function renderOrderHtml(order: Order, options: OrderHtmlOptions): string {
  assertMemberRoles(order, options.memberRoles ?? ORDER_MEMBER_ROLES);
  return html`<!DOCTYPE html>
<html lang="th">
<head>
<meta charset="utf-8">
<title>${ORDER_TITLE}${order.organisation} ที่ ${formatOrderNumber(order)} เรื่อง ${order.subject}</title>
<style>${officialStyle(options.font)}${ISSUED_STYLE}${ORDER_STYLE}</style>
</head>
<body>
<article class="order">
${header(order)}
${body(order)}
<p class="issued-date">${formatOrderDate(order)}</p>
${issuerSignature(order.signer)}
</article>
</body>
</html>
`.markup;
}
