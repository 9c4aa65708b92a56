import { SafeHtml } from './html';
import { assertLocalFont, type OfficialFont } from './official-font';

/** Margins of a memo (ระเบียบงานสารบรรณ): 3 cm binding side, 2 cm right, 1.5 cm top under the emblem line, 2 cm bottom. */
const PAGE = '@page { size: A4; margin: 1.5cm 2cm 2cm 3cm; }';

/** The first-line indent of a paragraph (ย่อหน้า). */
const INDENT = '2.5cm';

function fontFaces(font: OfficialFont): string {
  return font.faces
    .map((f) => `@font-face { font-family: "${font.family}"; font-weight: ${f.weight}; src: url("${f.url}"); }`)
    .join('\n');
}

/*
 * Thai line breaking is left to Chromium (ICU dictionary breaks under lang="th"): no
 * word-break/hyphens overrides, no justification (it would stretch the few spaces a Thai
 * line has); overflow-wrap only rescues a single token wider than the line, such as a hash.
 */
const LAYOUT = `
* { box-sizing: border-box; }
html { font-size: calc(16 * var(--th-pt)); line-height: normal; color: #000; }
body { margin: 0; font-family: var(--family); text-align: left; overflow-wrap: break-word; }
p { margin: 0; }
.memo-title { font-size: calc(29 * var(--th-pt)); font-weight: 700; text-align: center; margin: 0 0 0.1em; }
.field { display: flex; align-items: baseline; gap: 0.3em; }
.field-label { font-size: calc(20 * var(--th-pt)); font-weight: 700; white-space: nowrap; }
.field-value { flex: 1; min-width: 0; border-bottom: 1px dotted #000; padding-left: 0.2em; }
.field-row { display: flex; gap: 0.5em; }
.field-row > .field { flex: 1; }
.field-row > .field:first-child { flex: 1.15; }
.addressee { margin-top: 0.35em; }
.memo-body { margin-top: 0.35em; }
.section-title { text-indent: ${INDENT}; font-weight: 700; break-after: avoid; }
.paragraph, .item, .closing { text-indent: ${INDENT}; }
.closing { margin-top: 0.4em; break-after: avoid; }
.block { break-inside: avoid; margin-top: 0.9em; }
.signature { margin-left: 38%; text-align: center; }
.signature-space { height: 2.6em; }
.opinion-heading { margin-top: 0.3em; }
.opinion-text { text-indent: ${INDENT}; }
.dotted { white-space: nowrap; overflow: hidden; letter-spacing: 0.12em; }
.appendix { break-before: page; font-size: calc(14 * var(--th-pt)); }
.appendix-title { font-size: calc(20 * var(--th-pt)); font-weight: 700; text-align: center; }
.appendix-subtitle { text-align: center; margin-bottom: 0.6em; }
.timeline { width: 100%; border-collapse: collapse; }
.timeline th, .timeline td { padding: 0 0.4em; vertical-align: top; text-align: left; }
.timeline th { width: 3.6cm; font-weight: 700; white-space: nowrap; }
.timeline tbody { break-inside: avoid; border: 0.5pt solid #000; }
.timeline tbody tr:first-child > * { padding-top: 0.2em; }
.timeline tbody tr:last-child > * { padding-bottom: 0.2em; }
.timeline .hash { font-size: calc(13 * var(--th-pt)); white-space: nowrap; }
`;

export function officialStyle(font: OfficialFont): SafeHtml {
  assertLocalFont(font);
  const vars = `:root { --family: "${font.family}"; --th-pt: calc(1pt / ${font.scale}); }`;
  return new SafeHtml([PAGE, fontFaces(font), vars, LAYOUT].join('\n'));
}
