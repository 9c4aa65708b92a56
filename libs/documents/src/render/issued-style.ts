import { SafeHtml } from './html';

const INDENT = '2.5cm';

/** The parts orders and announcements share, on top of `officialStyle` (same page, font and sizes as the memo). */
export const ISSUED_STYLE = new SafeHtml(`
.issued-head { text-align: center; }
.issued-title { font-weight: 700; }
.issued-rule { width: 4.5cm; margin: 0.25em auto 0.6em; border-top: 0.75pt solid #000; }
.issued-body .paragraph { text-indent: ${INDENT}; }
.effective { text-indent: ${INDENT}; margin-top: 0.6em; break-after: avoid; }
.issued-date { margin-top: 0.9em; padding-left: 5cm; break-after: avoid; }
.issued-signer { break-inside: avoid; margin-top: 0.2em; }
`);

/** The order's own parts: the member table and the duties. */
export const ORDER_STYLE = new SafeHtml(`
.members { margin: 0.3em 0 0.3em ${INDENT}; border-collapse: collapse; }
.members td { padding: 0 0.8em 0 0; vertical-align: top; }
.members td:first-child, .members td:last-child { white-space: nowrap; }
.members td:last-child { padding-right: 0; }
.members tr { break-inside: avoid; }
.duties-intro { text-indent: ${INDENT}; margin-top: 0.3em; break-after: avoid; }
.duty { text-indent: ${INDENT}; }
.duty-item { text-indent: 3.25cm; }
`);
