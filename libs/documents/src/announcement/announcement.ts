import type { CalendarDate, DigitScript } from '@kasian/thai';
import type { SignatureSnapshot } from '../memo/signature';

/**
 * Who issues a ประกาศ (domain.md §4.2): the executive (ประกาศองค์การบริหารส่วนตำบล…, signed by the
 * นายก) or the local council (ประกาศสภา…, 003 P13).
 */
export const ANNOUNCEMENT_ISSUERS = ['EXECUTIVE', 'COUNCIL'] as const;
export type AnnouncementIssuer = (typeof ANNOUNCEMENT_ISSUERS)[number];

/**
 * ประกาศ (domain.md §4.2): no เรียน line and no opinion blocks, like an order; authority comes from
 * the issuer and the signer. No announcement text is reproduced in the seeds: the layout is the
 * official one (heading, เรื่อง, body, ทั้งนี้ ตั้งแต่…, ประกาศ ณ วันที่…, signature).
 */
export interface Announcement {
  readonly issuer: AnnouncementIssuer;
  /** The office: "องค์การบริหารส่วนตำบลป่าตึง" → ประกาศองค์การบริหารส่วนตำบลป่าตึง, or ประกาศสภาองค์การบริหารส่วนตำบลป่าตึง for the council. */
  readonly organisation: string;
  /**
   * Whether it carries a `ที่ <number>/<yearBE>` line: most announcements have none; one bound to
   * a register (or numbered by hand) has it, with dots on a draft not numbered yet.
   */
  readonly numbered: boolean;
  readonly number: number | null;
  readonly yearBE: number | null;
  /** เรื่อง; a newline forces a break where the drafter wants one. */
  readonly subject: string;
  /** ปีงบประมาณ (BE) the announcement is for, e.g. ประกาศ…ประจำปีงบประมาณ พ.ศ. ๒๕๖๘ (OIT ๐๒๑); stated, never read from the subject. */
  readonly fiscalYear: number | null;
  readonly paragraphs: readonly string[];
  /** ทั้งนี้ ตั้งแต่วันที่ … เป็นต้นไป; null prints ทั้งนี้ ตั้งแต่บัดนี้เป็นต้นไป. */
  readonly effectiveDate: CalendarDate | null;
  /** ประกาศ ณ วันที่, in the Christian era; printed in the Buddhist era with พ.ศ.; null on a draft. */
  readonly date: CalendarDate | null;
  /** Who signed (the route's final decider), or the signer the draft names; null prints an empty signature. */
  readonly signer: SignatureSnapshot | null;
  readonly digits?: DigitScript;
}

/** The signer a draft names (the route's final decider replaces it once signed). */
export type DraftedSigner = Omit<SignatureSnapshot, 'rankLine' | 'dateTextBE'> & { readonly rankLine?: string | null };

/**
 * ประกาศ as drafted and stored. Whether it is numbered comes from its register; a number, a date
 * or a signer written in the draft stands until the register and the route give theirs.
 */
export type DraftedAnnouncement = Omit<Announcement, 'numbered' | 'number' | 'yearBE' | 'fiscalYear' | 'effectiveDate' | 'date' | 'signer'> & {
  readonly number?: number;
  readonly yearBE?: number;
  readonly fiscalYear?: number;
  readonly effectiveDate?: CalendarDate;
  readonly date?: CalendarDate;
  readonly signer?: DraftedSigner;
};

export const ANNOUNCEMENT_TITLE = 'ประกาศ';
const COUNCIL = 'สภา';

/** `ประกาศองค์การบริหารส่วนตำบลป่าตึง` / `ประกาศสภาองค์การบริหารส่วนตำบลป่าตึง`. */
export function announcementHeading(announcement: Pick<Announcement, 'issuer' | 'organisation'>): string {
  return `${ANNOUNCEMENT_TITLE}${announcement.issuer === 'COUNCIL' ? COUNCIL : ''}${announcement.organisation}`;
}
