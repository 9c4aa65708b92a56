import { toArabicDigits } from '@kasian/thai';
import { type ImportWarning, warning } from './problems';
import { groupBy } from './source-map';

/** A printed label (`๔.`, `๖`) and the rows it stands on. */
export interface Numbered {
  readonly label: string;
  readonly rows: readonly number[];
}

/**
 * I-18: printed numbers that repeat or skip (FY2569 `๑.`–`๔.`, `๖.`, `๗.`). The labels are kept as
 * printed, never renumbered; the count is what is printed. Unlabelled entries are not counted.
 */
export function numberingWarnings(entries: readonly Numbered[], at: { section: string | null; column: string }, count: number): ImportWarning[] {
  const numbered = entries.filter((e) => e.label).map((e) => ({ e, n: Number(toArabicDigits(e.label).replace(/\D/g, '')) }));
  const warnings: ImportWarning[] = [];
  for (const [n, same] of groupBy(numbered, (x) => x.n)) {
    if (same.length > 1) warnings.push(warning({ code: 'W-NUMBERING-DUPLICATE', severity: 'W', ...at, rows: same.flatMap((x) => x.e.rows), found: same.map((x) => x.e.label).join(', '), expected: `one measure numbered ${n}`, message: `Two measures are numbered ${n}.`, messageTh: `มีมาตรการลำดับที่ ${same[0].e.label} ซ้ำกัน` }));
  }
  numbered.forEach((x, i) => {
    const previous = numbered[i - 1];
    if (previous && x.n > previous.n + 1) {
      const missing = Array.from({ length: x.n - previous.n - 1 }, (_, k) => previous.n + k + 1);
      warnings.push(warning({ code: 'W-NUMBERING-GAP', severity: 'W', seedRef: 'I-18', ...at, rows: [previous.e.rows[0], x.e.rows[0]], found: `${previous.e.label} → ${x.e.label}`, expected: missing.join(', '), message: `The numbering skips ${missing.join(', ')}; the labels are kept as printed and the plan has ${count} measures.`, messageTh: `ลำดับข้ามเลข ${missing.join(', ')} เก็บเลขตามที่พิมพ์ มาตรการมีทั้งหมด ${count} รายการ` }));
    }
  });
  return warnings;
}
