import { normaliseItaCode, toArabicDigits } from '@kasian/thai';

/** ตัวชี้วัด codes: "๙.๑" → "9.1"; null when it is not digits separated by dots. */
export function normaliseIndicatorCode(raw: string): string | null {
  const arabic = toArabicDigits(raw.trim()).replace(/\.$/, '');
  return /^\d{1,2}(\.\d{1,2})*$/.test(arabic) ? arabic.split('.').map(Number).join('.') : null;
}

/** "O12", or null when the text is no ITA item code (§6.2). */
export function normaliseItemCode(raw: string): string | null {
  try {
    return normaliseItaCode(raw).code;
  } catch {
    return null;
  }
}

export type LetterO = 'Latin O' | 'Arabic 0' | 'Thai ๐';

/** How a code writes the letter O (I-2, I-12, I-31): `O๑`, `026`, `๐๑๐`. */
export function letterOf(raw: string): LetterO {
  const first = raw.trim()[0];
  if (first === 'O' || first === 'o') return 'Latin O';
  return first === '0' ? 'Arabic 0' : 'Thai ๐';
}

export type DigitsOf = 'Thai' | 'Arabic' | 'mixed';

export function digitsOf(raw: string): DigitsOf {
  const body = raw.trim().slice(1);
  const thai = /[\u0E50-\u0E59]/u.test(body);
  const arabic = /[0-9]/.test(body);
  return thai && arabic ? 'mixed' : thai ? 'Thai' : 'Arabic';
}
