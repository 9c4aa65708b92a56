import { compareCalendarDates, fiscalYearBounds, toThaiDigits, type CalendarDate, type DateRange } from '@kasian/thai';
import type { SignatureSnapshot } from '../memo/signature';
import type { Announcement } from './announcement';

/** One holder's time in the executive office (นายก…), as the office records it (domain.md §10.1 Tenure). */
export interface ExecutiveTenure {
  /** The name as the holder's signature prints it, "(นายณัฐกรณ์ ใจรังสี)"; the parentheses may be left out. */
  readonly nameAsPrinted: string;
  /** First day in office. */
  readonly from: CalendarDate;
  /** Last day in office; null while still in office. */
  readonly to: CalendarDate | null;
}

export type Oit021Code =
  | 'OIT021_NOT_EXECUTIVE'
  | 'OIT021_YEAR_MISSING'
  | 'OIT021_OTHER_YEAR'
  | 'OIT021_NOT_SIGNED'
  | 'OIT021_SIGNER_NOT_EXECUTIVE'
  | 'OIT021_SIGNER_NOT_IN_OFFICE_IN_YEAR'
  | 'OIT021_SIGNED_OUT_OF_OFFICE';

export interface Oit021Finding {
  readonly code: Oit021Code;
  readonly message: string;
  readonly messageTh: string;
}

export interface Oit021Result {
  readonly passed: boolean;
  readonly findings: readonly Oit021Finding[];
}

export type Oit021Announcement = Pick<Announcement, 'issuer' | 'fiscalYear' | 'signer' | 'date'>;

const finding = (code: Oit021Code, message: string, messageTh: string): Oit021Finding => ({ code, message, messageTh });

/** Names compare as printed, NFC, without the parentheses and with whitespace runs as one space (names drift, I-25: a mismatch is for a person to judge). */
function personOf(nameAsPrinted: string): string {
  return nameAsPrinted.normalize('NFC').trim().replace(/^\((.*)\)$/su, '$1').replace(/\s+/gu, ' ').trim();
}

function overlaps(tenure: ExecutiveTenure, range: DateRange): boolean {
  return compareCalendarDates(tenure.from, range.end) <= 0 && (!tenure.to || compareCalendarDates(tenure.to, range.start) >= 0);
}

function covers(tenure: ExecutiveTenure, day: CalendarDate): boolean {
  return overlaps(tenure, { start: day, end: day });
}

function yearFindings(announcement: Oit021Announcement, fiscalYearBE: number): Oit021Finding[] {
  const year = toThaiDigits(fiscalYearBE);
  if (announcement.fiscalYear === null) {
    return [finding('OIT021_YEAR_MISSING', `The announcement does not state the fiscal year it is for; OIT 021 asks for one for FY${fiscalYearBE}.`, `ประกาศไม่ได้ระบุปีงบประมาณ (ต้องเป็นประกาศสำหรับปี พ.ศ. ${year})`)];
  }
  if (announcement.fiscalYear === fiscalYearBE) return [];
  return [
    finding(
      'OIT021_OTHER_YEAR',
      `The announcement is for FY${announcement.fiscalYear}, not FY${fiscalYearBE}.`,
      `ประกาศนี้เป็นของปีงบประมาณ พ.ศ. ${toThaiDigits(announcement.fiscalYear)} ไม่ใช่ปี พ.ศ. ${year}`,
    ),
  ];
}

function signerFindings(signer: SignatureSnapshot | null, date: CalendarDate | null, fiscalYearBE: number, tenures: readonly ExecutiveTenure[]): Oit021Finding[] {
  const year = toThaiDigits(fiscalYearBE);
  if (!signer) return [finding('OIT021_NOT_SIGNED', 'The announcement is not signed yet.', 'ประกาศยังไม่ได้ลงนาม')];
  const held = tenures.filter((t) => personOf(t.nameAsPrinted) === personOf(signer.nameAsPrinted));
  if (!held.length) {
    return [finding('OIT021_SIGNER_NOT_EXECUTIVE', `${signer.nameAsPrinted} never held the executive office.`, `ผู้ลงนาม ${signer.nameAsPrinted} ไม่เคยดำรงตำแหน่งผู้บริหารสูงสุด`)];
  }
  if (!held.some((t) => overlaps(t, fiscalYearBounds(fiscalYearBE)))) {
    return [
      finding(
        'OIT021_SIGNER_NOT_IN_OFFICE_IN_YEAR',
        `${signer.nameAsPrinted} did not hold the executive office in FY${fiscalYearBE}.`,
        `ผู้ลงนาม ${signer.nameAsPrinted} ไม่ได้ดำรงตำแหน่งผู้บริหารสูงสุดในปี พ.ศ. ${year}`,
      ),
    ];
  }
  if (date && !held.some((t) => covers(t, date))) {
    return [finding('OIT021_SIGNED_OUT_OF_OFFICE', `${signer.nameAsPrinted} was not in office on the day of the announcement.`, `ผู้ลงนาม ${signer.nameAsPrinted} ไม่ได้ดำรงตำแหน่งในวันที่ประกาศ`)];
  }
  return [];
}

/**
 * OIT ๐๒๑ (domain.md §4.2): `เป็นประกาศอย่างเป็นทางการที่มีการลงนามโดยผู้บริหารสูงสุดในหน่วยงาน`,
 * `เป็นการประกาศสำหรับปี พ.ศ. <X>`, `ผู้บริหารสูงสุดที่ดำรงตำแหน่งใน ปี พ.ศ. <X>`. The announcement
 * must be the executive's, for fiscal year X, and its signer snapshot must be someone who held the
 * executive office during X (and on the day it was announced, when dated). `tenures` are the
 * holders of the executive position. Pure: every finding is returned, none thrown.
 */
export function checkOit021(announcement: Oit021Announcement, fiscalYearBE: number, tenures: readonly ExecutiveTenure[]): Oit021Result {
  const findings = [
    ...(announcement.issuer === 'EXECUTIVE' ? [] : [finding('OIT021_NOT_EXECUTIVE', 'A council announcement is not signed by the top executive.', 'ประกาศของสภาท้องถิ่นไม่ใช่ประกาศที่ลงนามโดยผู้บริหารสูงสุด')]),
    ...yearFindings(announcement, fiscalYearBE),
    ...signerFindings(announcement.signer, announcement.date, fiscalYearBE, tenures),
  ];
  return { passed: findings.length === 0, findings };
}
