import type { RegisterFormat, RegisterYearKind } from '@prisma/client';
import { bangkokDateOf, fiscalYearOf, MAX_BE_YEAR, MIN_BE_YEAR, toArabicDigits, toBuddhistYear, toThaiDigits } from '@kasian/thai';
import { type RegisterNumberErrorCode, RegisterNumberFormatError } from './registry.errors';

/** What a register says about how its numbers are printed (domain.md §5.6). */
export interface NumberingRule {
  format: RegisterFormat;
  /** MEMO_STYLE: two Thai letters, e.g. ชร. */
  prefix: string | null;
  /** Other prefixes printed on this register's documents (I-4: ขร for ชร). */
  prefixAliases: readonly string[];
  /** MEMO_STYLE: Arabic digits, e.g. 73501. */
  officeCode: string | null;
}

export interface NumberWarning {
  /** A domain.md §9 code where there is one. */
  code: string;
  message: string;
  messageTh: string;
  details?: Record<string, unknown>;
}

export interface ParsedRegisterNumber {
  number: number;
  /** The Buddhist-era year printed in an ORDER_STYLE number; memo numbers carry no year. */
  printedYear: number | null;
  /** As given, NFC and trimmed: what goes into `number_text`. */
  raw: string;
  warnings: NumberWarning[];
}

export const MAX_RUNNING_NUMBER = 2_147_483_647;
export const THAI_CONSONANT_PAIR = /^[ก-ฮ]{2}$/;

const LABEL = /^(?:คำสั่ง[^\s/]*?)?ที่\s*/;
const MEMO = /^(?:(?<prefix>[ก-ฮ]{2})\s*)?(?<code>\d+)(?<before>\s*)\/(?<after>\s*)(?<running>\d+)$/;
const ORDER = /^(?<running>\d+)(?<before>\s*)\/(?<after>\s*)(?<year>\d+)$/;

/** ทะเบียนหนังสือส่ง restarts on 1 January (CALENDAR, BE year of the Bangkok date) or 1 October (FISCAL). */
export function registerYearOf(yearKind: RegisterYearKind, at: Date): number {
  const day = bangkokDateOf(at);
  return yearKind === 'FISCAL' ? fiscalYearOf(day) : toBuddhistYear(day.year);
}

/** What is printed before and after the running number in a register-year. */
export function numberTemplate(rule: NumberingRule, year: number): { head: string; tail: string } {
  if (rule.format === 'ORDER_STYLE') return { head: '', tail: `/${toThaiDigits(year)}` };
  return { head: `${rule.prefix} ${toThaiDigits(rule.officeCode ?? '')}/`, tail: '' };
}

/** `ชร ๗๓๕๐๑/๑๖๕๖` (MEMO_STYLE) or `๑๕๒/๒๕๖๖` (ORDER_STYLE), in Thai digits. */
export function formatRegisterNumber(rule: NumberingRule, number: number, year: number): string {
  const { head, tail } = numberTemplate(rule, year);
  return `${head}${toThaiDigits(number)}${tail}`;
}

/**
 * Reads a number printed on a document against the register's rule. Thai or Arabic digits,
 * spaces around `/` (I-5), a leading `ที่` or `คำสั่ง…ที่` (I-24), prefix aliases (I-4) and a
 * missing prefix (I-6) are accepted with warnings; anything else is refused with a precise code.
 */
export function parseRegisterNumber(rule: NumberingRule, given: string): ParsedRegisterNumber {
  const raw = given.normalize('NFC').trim();
  const text = toArabicDigits(raw.replace(/\s+/g, ' ')).replace(LABEL, '');
  return rule.format === 'ORDER_STYLE' ? parseOrderNumber(rule, raw, text) : parseMemoNumber(rule, raw, text);
}

function parseMemoNumber(rule: NumberingRule, raw: string, text: string): ParsedRegisterNumber {
  const groups = MEMO.exec(text)?.groups;
  if (!groups) throw refusal(rule, raw, 'REGISTER_NUMBER_MALFORMED', 'is not a memo number (prefix, office code, "/", running number)', 'ไม่ใช่เลขที่หนังสือตามแบบ อักษรย่อ รหัสหน่วยงาน/เลขลำดับ');
  const warnings = [...prefixWarnings(rule, raw, groups.prefix), ...whitespaceWarnings(groups)];
  if (groups.code !== rule.officeCode) {
    throw refusal(rule, raw, 'REGISTER_NUMBER_OFFICE_CODE_MISMATCH', `carries office code ${groups.code}, not this register's ${rule.officeCode}`, `มีรหัสหน่วยงาน ${toThaiDigits(groups.code)} ไม่ใช่ ${toThaiDigits(rule.officeCode ?? '')} ของทะเบียนนี้`, { officeCode: groups.code });
  }
  return { number: runningNumber(rule, raw, groups.running), printedYear: null, raw, warnings };
}

function parseOrderNumber(rule: NumberingRule, raw: string, text: string): ParsedRegisterNumber {
  const groups = ORDER.exec(text)?.groups;
  if (!groups) throw refusal(rule, raw, 'REGISTER_NUMBER_MALFORMED', 'is not an order number (running number "/" Buddhist-era year)', 'ไม่ใช่เลขที่คำสั่งตามแบบ เลขลำดับ/ปี พ.ศ.');
  const year = Number(groups.year);
  if (groups.year.length !== 4 || year < MIN_BE_YEAR || year > MAX_BE_YEAR) {
    throw refusal(rule, raw, 'REGISTER_NUMBER_YEAR_INVALID', `has "${groups.year}" where a 4-digit Buddhist-era year belongs`, `มี "${toThaiDigits(groups.year)}" ในตำแหน่งปี พ.ศ. ๔ หลัก`, { year: groups.year });
  }
  return { number: runningNumber(rule, raw, groups.running), printedYear: year, raw, warnings: whitespaceWarnings(groups) };
}

function runningNumber(rule: NumberingRule, raw: string, digits: string): number {
  const number = Number(digits);
  if (number < 1 || number > MAX_RUNNING_NUMBER) {
    throw refusal(rule, raw, 'REGISTER_NUMBER_OUT_OF_RANGE', `has running number ${digits}; it must be from 1 to ${MAX_RUNNING_NUMBER}`, `มีเลขลำดับ ${toThaiDigits(digits)} ซึ่งอยู่นอกช่วงที่ใช้ได้`, { number: digits });
  }
  return number;
}

function prefixWarnings(rule: NumberingRule, raw: string, prefix: string | undefined): NumberWarning[] {
  if (prefix === undefined) {
    return [{ code: 'W-DOCNO-PREFIX-MISSING', message: `No prefix; read as ${rule.prefix} by office code and number (I-6).`, messageTh: `ไม่มีอักษรย่อ ถือเป็น ${rule.prefix} ตามรหัสหน่วยงานและเลขที่`, details: { raw } }];
  }
  if (prefix === rule.prefix) return [];
  if (rule.prefixAliases.includes(prefix)) {
    return [{ code: 'W-DOCNO-PREFIX-MISMATCH', message: `Prefix ${prefix} is an alias of ${rule.prefix} (I-4).`, messageTh: `อักษรย่อ ${prefix} เป็นอีกแบบของ ${rule.prefix}`, details: { printed: prefix, canonical: rule.prefix } }];
  }
  const known = [rule.prefix, ...rule.prefixAliases].join(', ');
  throw refusal(rule, raw, 'REGISTER_NUMBER_PREFIX_UNKNOWN', `has prefix ${prefix}; this register prints ${known}`, `มีอักษรย่อ ${prefix} ทะเบียนนี้ใช้ ${known}`, { prefix, knownPrefixes: [rule.prefix, ...rule.prefixAliases] });
}

function whitespaceWarnings(groups: Record<string, string>): NumberWarning[] {
  if (!groups.before && !groups.after) return [];
  return [{ code: 'W-DOCNO-WHITESPACE', message: 'Spaces around "/" (I-5); stored as printed, shown canonical.', messageTh: 'มีช่องว่างรอบเครื่องหมาย / เก็บตามที่พิมพ์ และแสดงแบบมาตรฐาน' }];
}

function refusal(rule: NumberingRule, raw: string, code: RegisterNumberErrorCode, problem: string, problemTh: string, details: Record<string, unknown> = {}) {
  const expected = formatRegisterNumber(rule, rule.format === 'ORDER_STYLE' ? 152 : 1656, 2566);
  return new RegisterNumberFormatError(code, `"${raw}" ${problem}; expected a number like "${expected}".`, `"${raw}" ${problemTh} เช่น "${expected}"`, {
    raw,
    expected,
    format: rule.format,
    ...details,
  });
}
