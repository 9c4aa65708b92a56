import type { CalendarDate, DigitScript } from '@kasian/thai';
import type { SignatureSnapshot } from '../memo/signature';

/** The effective clause of most orders (002). */
export const EFFECTIVE_FROM_NOW = 'ทั้งนี้ ตั้งแต่บัดนี้เป็นต้นไป';

/** One seat of the committee or working group the order appoints, printed `๑) <name> | ตำแหน่ง <position> | <role>`. */
export interface OrderMember {
  /** As printed, rank or honorific glued on: "จำเอกสมเกียรติ พินิจอักษร" (domain.md §2.5). */
  readonly name: string;
  /** Printed after `ตำแหน่ง`. */
  readonly position: string;
  /** One of the order's member roles (`ORDER_MEMBER_ROLES` unless the office configures its own). */
  readonly role: string;
}

/** A duty, printed `๑) <text>`; its sub-items follow as `๓.๑ <text>`. */
export interface OrderDuty {
  readonly text: string;
  readonly items: readonly string[];
}

/** คำสั่ง (domain.md §4.1): no เรียน line and no opinion blocks; authority comes from the signer's position. */
export interface Order {
  /** Printed after คำสั่ง: "เทศบาลตำบลสันมะเค็ด" → คำสั่งเทศบาลตำบลสันมะเค็ด. */
  readonly organisation: string;
  /** The running number in the order register, printed `ที่ <number>/<yearBE>`; null on a draft (printed as dots). */
  readonly number: number | null;
  /** Buddhist-era year of the register; null on a draft. */
  readonly yearBE: number | null;
  /** เรื่อง; long subjects wrap at word boundaries, and a newline forces a break where the drafter wants one. */
  readonly subject: string;
  /** The basis (ends `นั้น`) and the reason with the operative clause (`จึงมีคำสั่งแต่งตั้ง…ดังนี้`). */
  readonly preamble: readonly string[];
  readonly members?: readonly OrderMember[];
  /** e.g. "โดยให้คณะทำงานมีอำนาจหน้าที่และวิธีดำเนินการ ดังต่อไปนี้". */
  readonly dutiesIntro?: string;
  readonly duties?: readonly OrderDuty[];
  /** e.g. `EFFECTIVE_FROM_NOW`. */
  readonly effective: string;
  /** สั่ง ณ วันที่, in the Christian era; printed after the body, in the Buddhist era with พ.ศ.; null on a draft. */
  readonly date: CalendarDate | null;
  /** Who signed (the route's final decider); null on a draft, printed as an empty signature. */
  readonly signer: SignatureSnapshot | null;
  readonly digits?: DigitScript;
}

/** คำสั่ง as drafted and stored: the order without what the register and the route add (number, year, signer); a date written in the draft wins. */
export type DraftedOrder = Omit<Order, 'number' | 'yearBE' | 'date' | 'signer'> & { readonly date?: CalendarDate };
