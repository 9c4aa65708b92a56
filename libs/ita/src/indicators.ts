import type { IndicatorCitation } from './citations';
import { type ImportWarning, warning } from './problems';
import { squash } from './text';

/** An indicator of the year's framework as an import looks it up (by normalised number). */
export interface KnownIndicator {
  readonly code: string;
  readonly codeNorm: string;
  readonly nameTh: string | null;
}

type At = { section: string | null; rows: readonly number[]; column: string };

/** I-14: an indicator cited by another name than the year's catalogue gives it (matched by number). */
export function indicatorNameWarnings(cited: IndicatorCitation, known: KnownIndicator, at: At): ImportWarning[] {
  if (!known.nameTh || squash(known.nameTh) === squash(cited.name)) return [];
  return [warning({ code: 'W-INDICATOR-NAME-VARIANT', severity: 'I', seedRef: 'I-14', ...at, found: `ตัวชี้วัดที่ ${known.code} ${cited.name}`, expected: `ตัวชี้วัดที่ ${known.code} ${known.nameTh}`, message: `Indicator ${cited.code} is cited as "${cited.name}"; the framework calls it "${known.nameTh}". Matched by number.`, messageTh: `อ้างตัวชี้วัดที่ ${known.code} ว่า "${cited.name}" แต่กรอบการประเมินใช้ชื่อ "${known.nameTh}" จับคู่ตามเลขตัวชี้วัด` })];
}

/**
 * I-13: an indicator printed under another instrument than the framework gives it (`ประเด็นการประเมิน IIT`
 * heads indicators ๑–๘, but ๖–๘ are EIT). `where` says where it was printed; the framework decides.
 */
export function groupMismatchWarning(indicator: { code: string; nameTh: string | null; instrument: string }, printed: string, where: string, at: At): ImportWarning {
  return warning({
    code: 'W-ITA-GROUP-MISMATCH',
    severity: 'I',
    seedRef: 'I-13',
    ...at,
    found: `${indicator.code} ${indicator.nameTh ?? ''}`.trim() + ` ${where}`,
    expected: indicator.instrument,
    message: `Indicator ${indicator.code} is printed under ${printed} but belongs to ${indicator.instrument}; the instrument is taken from the framework.`,
    messageTh: `ตัวชี้วัด ${indicator.code} พิมพ์อยู่ใต้หัวข้อ ${printed} แต่เป็นของ ${indicator.instrument}`,
  });
}
