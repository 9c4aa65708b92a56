import { toArabicDigits } from './digits';
import { ThaiParseError } from './errors';

const DIGIT_WORDS = ['ศูนย์', 'หนึ่ง', 'สอง', 'สาม', 'สี่', 'ห้า', 'หก', 'เจ็ด', 'แปด', 'เก้า'];
const PLACE_WORDS = ['', 'สิบ', 'ร้อย', 'พัน', 'หมื่น', 'แสน'];
const MILLION = 1_000_000n;

/**
 * The amount in words as written on Thai official documents and cheques:
 * 5,000 → ห้าพันบาทถ้วน, 21.50 → ยี่สิบเอ็ดบาทห้าสิบสตางค์, 101 → หนึ่งร้อยเอ็ดบาทถ้วน.
 * Accepts a number or a numeric string (Thai or Arabic digits, `,` separators);
 * refuses negatives, non-finite values and fractions of a satang rather than rounding them.
 */
export function bahtText(amount: number | string): string {
  const satang = toSatang(amount);
  const baht = satang / 100n;
  const rest = satang % 100n;
  if (satang === 0n) return 'ศูนย์บาทถ้วน';
  const bahtPart = baht > 0n ? `${integerWords(baht, false)}บาท` : '';
  return rest === 0n ? `${bahtPart}ถ้วน` : `${bahtPart}${integerWords(rest, false)}สตางค์`;
}

/**
 * `เอ็ด` for a 1 in the units place of any six-digit ล้าน group when a more significant digit
 * is non-zero (101 หนึ่งร้อยเอ็ด, 1,000,001 หนึ่งล้านเอ็ด, 5,001,000,000 ห้าพันเอ็ดล้าน);
 * a lone 1 stays หนึ่ง. This is the Royal Institute's reading and Excel's BAHTTEXT.
 */
function integerWords(n: bigint, hasHigherDigits: boolean): string {
  if (n >= MILLION) {
    return `${integerWords(n / MILLION, hasHigherDigits)}ล้าน${groupWords(Number(n % MILLION), true)}`;
  }
  return groupWords(Number(n), hasHigherDigits);
}

function groupWords(group: number, hasHigherDigits: boolean): string {
  const digits = String(group).split('').map(Number).reverse();
  return digits
    .map((digit, place) => digitWord(digit, place, hasHigherDigits || group >= 10) + (digit ? PLACE_WORDS[place] : ''))
    .reverse()
    .join('');
}

function digitWord(digit: number, place: number, somethingAbove: boolean): string {
  if (digit === 0) return '';
  if (place === 0 && digit === 1 && somethingAbove) return 'เอ็ด';
  if (place === 1 && digit === 1) return '';
  if (place === 1 && digit === 2) return 'ยี่';
  return DIGIT_WORDS[digit];
}

const AMOUNT = /^(?<whole>\d{1,3}(?:,\d{3})+|\d+)(?:\.(?<fraction>\d{1,2}))?$/;

function toSatang(amount: number | string): bigint {
  const text = typeof amount === 'number' ? numberText(amount) : toArabicDigits(amount.trim());
  const match = text === undefined ? null : AMOUNT.exec(text);
  if (!match?.groups) throw invalidAmount(amount);
  const whole = BigInt(match.groups.whole.replace(/,/g, ''));
  const fraction = BigInt((match.groups.fraction ?? '').padEnd(2, '0'));
  return whole * 100n + fraction;
}

/** A JS number as exact decimal text with at most 2 fraction digits, or undefined if it has more. */
function numberText(amount: number): string | undefined {
  if (!Number.isFinite(amount) || amount < 0 || amount > Number.MAX_SAFE_INTEGER / 100) return undefined;
  const fixed = amount.toFixed(2);
  return Number(fixed) === amount ? fixed : undefined;
}

function invalidAmount(amount: number | string): ThaiParseError {
  const raw = String(amount);
  return new ThaiParseError(
    'THAI_AMOUNT_INVALID',
    `${raw} is not an amount in baht (non-negative, at most 2 decimal places).`,
    `${raw} ไม่ใช่จำนวนเงินบาทที่ถูกต้อง (ต้องไม่ติดลบ และมีทศนิยมไม่เกิน ๒ ตำแหน่ง)`,
    raw,
  );
}
