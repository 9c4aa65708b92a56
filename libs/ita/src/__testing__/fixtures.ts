import { readFileSync } from 'node:fs';
import type { OfficeUnit } from '../responsible';

const FIXTURES = new URL('../../../../test/fixtures/ita/', import.meta.url);

export const fixtureText = (name: string) => readFileSync(new URL(name, FIXTURES), 'utf8');
export const fixtureJson = (name: string): any => JSON.parse(fixtureText(name));

/** ป่าตึง's units as in apps/api/src/demo/patueng.ts. */
export const PATUENG = { nameTh: 'องค์การบริหารส่วนตำบลป่าตึง', kind: 'SUBDISTRICT_ADMINISTRATIVE_ORGANIZATION', website: 'www.patueng.go.th' };
export const PATUENG_UNITS: OfficeUnit[] = [
  { id: 'u-palad', nameTh: 'สำนักปลัด', parentNameTh: null },
  { id: 'u-amnuaykan', nameTh: 'ฝ่ายอำนวยการ', parentNameTh: 'สำนักปลัด' },
  { id: 'u-strategy', nameTh: 'งานยุทธศาสตร์และงบประมาณ', parentNameTh: 'สำนักปลัด' },
  { id: 'u-finance', nameTh: 'กองคลัง', parentNameTh: null },
  { id: 'u-procurement', nameTh: 'งานพัสดุ', parentNameTh: 'กองคลัง' },
  { id: 'u-works', nameTh: 'กองช่าง', parentNameTh: null },
  { id: 'u-education', nameTh: 'กองการศึกษาฯ', parentNameTh: null },
  { id: 'u-health', nameTh: 'กองสาธารณสุขฯ', parentNameTh: null },
];

/** สันมะเค็ด's units as 002 names them (domain.md §6.3, legend A–E). */
export const SANMAKET = { nameTh: 'เทศบาลตำบลสันมะเค็ด', kind: 'SUBDISTRICT_MUNICIPALITY', website: 'www.sanmaket.go.th' };
export const SANMAKET_UNITS: OfficeUnit[] = [
  { id: 's-palad', nameTh: 'สำนักปลัด', parentNameTh: null },
  { id: 's-general', nameTh: 'งานบริหารทั่วไป', parentNameTh: 'สำนักปลัด' },
  { id: 's-policy', nameTh: 'งานวิเคราะห์นโยบายและแผน', parentNameTh: 'สำนักปลัด' },
  { id: 's-personnel', nameTh: 'งานการเจ้าหน้าที่', parentNameTh: 'สำนักปลัด' },
  { id: 's-legal', nameTh: 'งานนิติการ', parentNameTh: 'สำนักปลัด' },
  { id: 's-finance', nameTh: 'กองคลัง', parentNameTh: null },
  { id: 's-procurement', nameTh: 'งานพัสดุ', parentNameTh: 'กองคลัง' },
];
