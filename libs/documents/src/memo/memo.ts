import type { CalendarDate, DigitScript } from '@kasian/thai';
import type { MemoBlock } from './signature';

/** A numbered section (๑. เรื่องเดิม …); its number and its sub-items' numbers (๓.๑ …) follow from their order. */
export interface MemoSection {
  readonly title: string;
  readonly paragraphs: readonly string[];
  /** Sub-items printed after the paragraphs as `<section>.<n> <text>`. */
  readonly items: readonly string[];
}

/** บันทึกข้อความ (domain.md §3.1). */
export interface Memo {
  /** ส่วนราชการ: unit and organisation, e.g. "สำนักปลัด องค์การบริหารส่วนตำบลป่าตึง". */
  readonly agency: string;
  /** ที่: the document number as text, e.g. "ขร ๗๓๕๐๑/๑๖๕๖"; null on a draft not numbered yet (printed as an empty ที่ line). */
  readonly documentNumber: string | null;
  /** วันที่, in the Christian era; printed in the Buddhist era; null leaves the line empty. */
  readonly date: CalendarDate | null;
  /** เรื่อง */
  readonly subject: string;
  /** เรียน: a position or a set of positions. */
  readonly addressee: string;
  /** Unnumbered paragraphs before any sections (memo 2 of 001 has only these). */
  readonly paragraphs?: readonly string[];
  readonly sections: readonly MemoSection[];
  /** e.g. "จึงเรียนมาเพื่อโปรดพิจารณา". */
  readonly closing: string;
  readonly blocks: readonly MemoBlock[];
  /** One digit system per document (§10 point 12); Thai unless the office writes Arabic. */
  readonly digits?: DigitScript;
}
