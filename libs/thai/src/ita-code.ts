import { toArabicDigits } from './digits';
import { ThaiParseError } from './errors';

export interface ItaCode {
  /** Canonical form, `O` + number without leading zeros: `O12`. */
  readonly code: string;
  readonly number: number;
  readonly raw: string;
}

// §6.2: the letter O is written as Latin `O`/`o`, Arabic `0` or Thai `๐` (I-2, I-12, I-31).
// Strip exactly one of them; `๐๑๐` is O10, not "010".
const ITA_CODE = /^[Oo0\u0E50]([0-9\u0E50-\u0E59]{1,3})$/;

export function normaliseItaCode(raw: string): ItaCode {
  const match = ITA_CODE.exec(raw.trim());
  const number = match ? Number(toArabicDigits(match[1])) : 0;
  if (!match || number === 0) {
    throw new ThaiParseError(
      'ITA_CODE_INVALID',
      `"${raw}" is not an ITA item code (O followed by a number).`,
      `"${raw}" ไม่ใช่รหัสข้อการประเมิน ITA (ตัว O ตามด้วยตัวเลข)`,
      raw,
    );
  }
  return { code: `O${number}`, number, raw };
}
