import type { YearDigits } from './buddhist-year';
import { toChristianYear } from './calendar-date';
import { toDigits, type DigitScript } from './digits';

/**
 * `พ.ศ.` or its long form `พุทธศักราช` before a year, with the space after it as written: §5.5 has
 * `พ.ศ. ๒๕๖๘` and `พ.ศ.๒๕๖๘` in one document. `พ.ศ` without its final dot (I-1) is read as `พ.ศ.`.
 */
export type YearEraMarker = '' | 'พ.ศ.' | 'พ.ศ. ' | 'พุทธศักราช' | 'พุทธศักราช ';

/** How a year or a range of years was written, so that it can be written back the same way. */
export interface YearStyle {
  /** The words before the year with their spacing, as written: `ITA ปี `, `ประจำปีงบประมาณ`, or ''. */
  readonly label: string;
  readonly eraMarker: YearEraMarker;
  readonly digits: DigitScript;
  readonly yearDigits: YearDigits;
}

/** Era marker pattern, matched against text whose Thai digits were turned Arabic. */
export const ERA_MARKER_PATTERN = String.raw`(?:(?<era>พ\.ศ\.?|พุทธศักราช)(?<eraSpace>\s*))?`;

export function eraMarkerOf(groups: Record<string, string | undefined>): YearEraMarker {
  if (!groups.era) return '';
  const marker = groups.era === 'พุทธศักราช' ? 'พุทธศักราช' : 'พ.ศ.';
  return groups.eraSpace ? `${marker} ` : marker;
}

/** The digits of a BE year: in full, or its last two (`๖๗`, §5.1); a CE year (`ITA ๒๐๒๓`, I-32) always in full. */
export function formatYearNumber(beYear: number, style: Pick<YearStyle, 'digits' | 'yearDigits'>, era: 'BE' | 'CE' = 'BE'): string {
  if (era === 'CE') return toDigits(toChristianYear(beYear), style.digits);
  const year = style.yearDigits === 'two-digit' ? String(beYear % 100).padStart(2, '0') : String(beYear);
  return toDigits(year, style.digits);
}

export function unwrapParentheses(text: string): { text: string; parenthesised: boolean } {
  const inner = /^\((.*)\)$/u.exec(text);
  return inner ? { text: inner[1].trim(), parenthesised: true } : { text, parenthesised: false };
}

export function parenthesise(text: string, parenthesised = false): string {
  return parenthesised ? `(${text})` : text;
}
