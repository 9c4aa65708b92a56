import type { Announcement } from '../announcement/announcement';

/**
 * A ประกาศ of the 001 office for OIT ๐๒๑ (No Gift Policy, FY2568), signed by its นายก. No seed
 * reproduces an announcement (domain.md §4.2), so the body is written for this fixture from the
 * seed's own wording (OIT ๐๒๑ requirement, 001 measures); announcement-001.source.txt is the
 * page it must print, line by line, in the official ประกาศ layout.
 */
export const ANNOUNCEMENT_001: Announcement = {
  issuer: 'EXECUTIVE',
  organisation: 'องค์การบริหารส่วนตำบลป่าตึง',
  numbered: true,
  number: 25,
  yearBE: 2567,
  subject: 'นโยบายไม่รับของขวัญและของกำนัลจากการปฏิบัติหน้าที่ (No Gift Policy) ประจำปีงบประมาณ พ.ศ. ๒๕๖๘',
  fiscalYear: 2568,
  paragraphs: [
    'ตามที่องค์การบริหารส่วนตำบลป่าตึง ได้เข้าร่วมการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ (Integrity and Transparency Assessment : ITA) ประจำปีงบประมาณ พ.ศ. ๒๕๖๘ ซึ่งกำหนดให้ผู้บริหารสูงสุดของหน่วยงานประกาศนโยบายไม่รับของขวัญและของกำนัลทุกชนิดจากการปฏิบัติหน้าที่ นั้น',
    'เพื่อให้การปฏิบัติหน้าที่ของบุคลากรองค์การบริหารส่วนตำบลป่าตึงเป็นไปด้วยความซื่อสัตย์สุจริต โปร่งใส และเป็นไปตามหลักธรรมาภิบาล องค์การบริหารส่วนตำบลป่าตึงจึงประกาศนโยบาย ดังนี้',
    '๑. ผู้บริหารและบุคลากรขององค์การบริหารส่วนตำบลป่าตึงทุกคน จะไม่รับของขวัญและของกำนัลทุกชนิดก่อน ขณะ และหลังการปฏิบัติหน้าที่ ที่จะส่งผลให้เกิดการทุจริตและประพฤติมิชอบทั้งในปัจจุบันและอนาคต',
    '๒. ให้ทุกสำนัก/กอง เผยแพร่ประกาศนี้ให้บุคลากรและประชาชนทราบโดยทั่วกัน ผ่านเว็บไซต์ อบต.ป่าตึง และบอร์ดประชาสัมพันธ์หน้าสำนักงาน',
  ],
  effectiveDate: { year: 2024, month: 10, day: 1 },
  date: { year: 2024, month: 10, day: 1 },
  signer: { nameAsPrinted: '(นายณัฐกรณ์ ใจรังสี)', rankLine: null, positionTitleAsPrinted: 'นายกองค์การบริหารส่วนตำบลป่าตึง', dateTextBE: null },
};
