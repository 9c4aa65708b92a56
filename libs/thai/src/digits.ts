const THAI_ZERO = 0x0e50;

export const THAI_DIGITS = '๐๑๒๓๔๕๖๗๘๙';

/** Matches one digit of either script. */
export const ANY_DIGIT = '[0-9\u0E50-\u0E59]';

export type DigitScript = 'thai' | 'arabic';
export type DigitsUsed = DigitScript | 'mixed' | 'none';

export function toArabicDigits(text: string): string {
  return text.replace(/[\u0E50-\u0E59]/g, (d) => String(d.charCodeAt(0) - THAI_ZERO));
}

export function toThaiDigits(text: string | number): string {
  return String(text).replace(/[0-9]/g, (d) => THAI_DIGITS[Number(d)]);
}

export function toDigits(text: string | number, script: DigitScript): string {
  return script === 'thai' ? toThaiDigits(text) : toArabicDigits(String(text));
}

/** The script to write `text`'s numbers back in: Arabic when it uses Arabic digits only, else Thai. */
export function digitScriptOf(text: string): DigitScript {
  return digitsUsed(text) === 'arabic' ? 'arabic' : 'thai';
}

export function digitsUsed(text: string): DigitsUsed {
  const thai = /[\u0E50-\u0E59]/.test(text);
  const arabic = /[0-9]/.test(text);
  if (thai && arabic) return 'mixed';
  if (thai) return 'thai';
  return arabic ? 'arabic' : 'none';
}
