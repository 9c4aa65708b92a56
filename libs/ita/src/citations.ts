import { toArabicDigits } from '@kasian/thai';
import { normaliseIndicatorCode } from './codes';

/** `ตัวชี้วัดที่ ๘ การปรับปรุงการทำงาน ประเด็น …`: an indicator a measure answers, with the name it is cited by. */
export interface IndicatorCitation {
  readonly raw: string;
  readonly code: string;
  readonly name: string;
}

const INDICATOR = /ตัวชี้วัด(?:ย่อย)?ที่\s*([0-9\u0E50-\u0E59]+(?:\.[0-9\u0E50-\u0E59]+)*)\s+(.+?)(?=\s+ประเด็น|\n|$)/gu;

export function indicatorCitations(text: string): IndicatorCitation[] {
  return [...text.matchAll(INDICATOR)].flatMap((m) => {
    const code = normaliseIndicatorCode(m[1]);
    return code ? [{ raw: m[0], code, name: m[2].trim() }] : [];
  });
}

/** `คำสั่งเทศบาลที่ ๑๔๒/๒๕๖๖ เรื่อง …`: an order cited by number and subject. */
export interface OrderCitation {
  readonly raw: string;
  readonly number: string;
  readonly subject: string;
}

const ORDER = /คำสั่ง\S*?\s*ที่\s*([0-9\u0E50-\u0E59]+\s*\/\s*[0-9\u0E50-\u0E59]{4})(?:\s*เรื่อง\s*(.+?))?(?=\s*\(|\s+[0-9\u0E50-\u0E59]{1,2}\.\s|\n|$)/gu;

export function orderCitations(text: string): OrderCitation[] {
  return [...text.matchAll(ORDER)].map((m) => ({ raw: m[0], number: m[1], subject: (m[2] ?? '').trim() }));
}

/** `๑๕๒ /๒๕๖๖` and `152/2566` are one number: Arabic digits, no spaces (I-5). */
export function documentNumberKey(number: string): string {
  return toArabicDigits(number).replace(/\s+/gu, '');
}

/** URLs written with Thai digits (I-32: probably a digit conversion of the whole text; never converted back). */
export function urlsWithThaiDigits(text: string): string[] {
  return [...text.matchAll(/(?:https?:\/\/|www\.)[^\s<>"]+/giu)].map((m) => m[0]).filter((url) => /[\u0E50-\u0E59]/u.test(url));
}

/** `ITA ๒๐๒๓`: a Christian-era year where the rest of the text counts in Buddhist-era years (I-32). */
export function christianEraYears(text: string): string[] {
  return [...text.matchAll(/ita\s*([0-9\u0E50-\u0E59]{4})/giu)].filter((m) => {
    const year = Number(toArabicDigits(m[1]));
    return year >= 1900 && year < 2200;
  }).map((m) => m[0]);
}

/** `ปีงบประมาณ พ.ศ.๒๕๖๕`, `ปีงบประมาณ 2566`: the fiscal years a text names, as printed and as a number. */
export function fiscalYearMentions(text: string): { raw: string; year: number }[] {
  return [...text.matchAll(/ปีงบประมาณ\s*(?:พ\.ศ\.?\s*)?([0-9\u0E50-\u0E59]{4})/gu)].map((m) => ({ raw: m[0], year: Number(toArabicDigits(m[1])) }));
}

/** The Buddhist-era fiscal year a title prints (`ประจำปีงบประมาณ พ.ศ.๒๕๖๕`), or null. */
export function fiscalYearInTitle(title: string): number | null {
  return fiscalYearMentions(title).at(-1)?.year ?? null;
}
