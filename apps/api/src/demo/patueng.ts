import type { AssignmentCapacity, OfficeKind, PositionKind, UnitKind } from '@prisma/client';

/**
 * The demo office: องค์การบริหารส่วนตำบลป่าตึง as it appears in seed 001
 * (memo ขร ๗๓๕๐๑/๑๖๕๖). Names and positions are printed there; the drafter
 * of งานยุทธศาสตร์และงบประมาณ is not named in the seed, so a fictional
 * demo person stands in (marked "ทดลองใช้"), as do the auditor and the admin.
 */
export const DEMO_PASSWORD = 'kasian-demo';

export const demoOffice = {
  code: 'patueng',
  kind: 'SUBDISTRICT_ADMINISTRATIVE_ORGANIZATION' satisfies OfficeKind,
  nameTh: 'องค์การบริหารส่วนตำบลป่าตึง',
  subdistrict: 'ป่าตึง',
  district: 'แม่จัน',
  province: 'เชียงราย',
  // Memo 1 prints ขร, memo 2 ชร (domain.md I-4); ชร is Chiang Rai's prefix.
  docPrefix: 'ชร',
  docOfficeCode: '73501',
  // Printed on the FY2568 report's cover (seed 001); https://Muangkun.go.th in its IIT table is another office's (I-16).
  website: 'www.patueng.go.th',
} as const;

export interface DemoUnit {
  key: string;
  kind: UnitKind;
  nameTh: string;
  parent?: string;
}

// The seed does not say which ฝ่าย งานยุทธศาสตร์และงบประมาณ belongs to, so it sits under สำนักปลัด.
export const demoUnits: DemoUnit[] = [
  { key: 'samnak-palad', kind: 'BUREAU', nameTh: 'สำนักปลัด' },
  { key: 'amnuaykan', kind: 'SECTION', nameTh: 'ฝ่ายอำนวยการ', parent: 'samnak-palad' },
  { key: 'strategy', kind: 'WORK_UNIT', nameTh: 'งานยุทธศาสตร์และงบประมาณ', parent: 'samnak-palad' },
  { key: 'finance', kind: 'DIVISION', nameTh: 'กองคลัง' },
  { key: 'procurement', kind: 'WORK_UNIT', nameTh: 'งานพัสดุ', parent: 'finance' },
  { key: 'works', kind: 'DIVISION', nameTh: 'กองช่าง' },
  { key: 'education', kind: 'DIVISION', nameTh: 'กองการศึกษาฯ' },
  { key: 'health', kind: 'DIVISION', nameTh: 'กองสาธารณสุขฯ' },
];

export interface DemoPosition {
  code: string;
  kind: PositionKind;
  titleTh: string;
  unit?: string;
  heads?: string;
}

export const demoPositions: DemoPosition[] = [
  { code: 'nayok', kind: 'EXECUTIVE', titleTh: 'นายกองค์การบริหารส่วนตำบลป่าตึง' },
  { code: 'palad', kind: 'PERMANENT_SECRETARY', titleTh: 'ปลัดองค์การบริหารส่วนตำบลป่าตึง' },
  { code: 'head-samnak-palad', kind: 'UNIT_HEAD', titleTh: 'หัวหน้าสำนักปลัดองค์การบริหารส่วนตำบล', unit: 'samnak-palad', heads: 'samnak-palad' },
  { code: 'head-amnuaykan', kind: 'UNIT_HEAD', titleTh: 'หัวหน้าฝ่ายอำนวยการ', unit: 'amnuaykan', heads: 'amnuaykan' },
  { code: 'policy-analyst', kind: 'STAFF', titleTh: 'นักวิเคราะห์นโยบายและแผน', unit: 'strategy' },
];

export interface DemoPerson {
  username: string;
  honorific: string | null;
  rank: string | null;
  givenName: string;
  surname: string;
  realmRoles: string[];
  position?: { code: string; capacity: AssignmentCapacity };
}

export const demoPeople: DemoPerson[] = [
  { username: 'drafter', honorific: 'นางสาว', rank: null, givenName: 'พิมพ์ชนก', surname: 'ทดลองใช้', realmRoles: ['staff'], position: { code: 'policy-analyst', capacity: 'SUBSTANTIVE' } },
  { username: 'kanokporn', honorific: 'นางสาว', rank: null, givenName: 'กนกพร', surname: 'โภชนพันธ์', realmRoles: ['staff', 'official'], position: { code: 'head-amnuaykan', capacity: 'SUBSTANTIVE' } },
  { username: 'naphatthiya', honorific: 'นางสาว', rank: null, givenName: 'นภัทธิญา', surname: 'วิชระอภิเดชากุล', realmRoles: ['official'], position: { code: 'head-samnak-palad', capacity: 'SUBSTANTIVE' } },
  // Printed as ร้อยโท on its own line above "(กิตติชัย เจริญยิ่ง)", with no honorific.
  { username: 'kittichai', honorific: null, rank: 'ร้อยโท', givenName: 'กิตติชัย', surname: 'เจริญยิ่ง', realmRoles: ['official'], position: { code: 'palad', capacity: 'SUBSTANTIVE' } },
  { username: 'nattakorn', honorific: 'นาย', rank: null, givenName: 'ณัฐกรณ์', surname: 'ใจรังสี', realmRoles: ['official'], position: { code: 'nayok', capacity: 'SUBSTANTIVE' } },
  { username: 'auditor', honorific: 'นาย', rank: null, givenName: 'ตรวจสอบ', surname: 'ทดลองใช้', realmRoles: ['auditor'] },
  { username: 'officeadmin', honorific: 'นาง', rank: null, givenName: 'ผู้ดูแล', surname: 'ทดลองใช้', realmRoles: ['admin', 'staff'] },
];

/** Assignments start with FY2569 (1 October 2025, Asia/Bangkok). */
export const demoTenureStart = new Date('2025-10-01T00:00:00+07:00');

export interface DemoStep {
  key: string;
  title: string;
  position: string;
  words: { word: string; outcome: 'positive' | 'neutral' | 'negative' }[];
}

/**
 * The chain of memo 1 in seed 001 (domain.md §2.3 A): หัวหน้าฝ่ายอำนวยการ signs the proposal up,
 * หัวหน้าสำนักปลัด endorses, ปลัด gives an opinion, นายก decides «อนุมัติ / ให้ดำเนินการ».
 */
export const demoMemoRoute: DemoStep[] = [
  { key: 'head-amnuaykan', title: 'หัวหน้าฝ่ายอำนวยการ', position: 'head-amnuaykan', words: [{ word: 'เสนอ', outcome: 'positive' }] },
  {
    key: 'head-samnak-palad',
    title: 'หัวหน้าสำนักปลัดองค์การบริหารส่วนตำบล',
    position: 'head-samnak-palad',
    words: [
      { word: 'เสนอ', outcome: 'positive' },
      { word: 'เห็นชอบ', outcome: 'positive' },
    ],
  },
  {
    key: 'palad',
    title: 'ความเห็นของปลัดองค์การบริหารส่วนตำบลป่าตึง',
    position: 'palad',
    words: [
      { word: 'เห็นควรอนุมัติ', outcome: 'positive' },
      { word: 'ความเห็น', outcome: 'neutral' },
    ],
  },
  {
    key: 'nayok',
    title: 'ความเห็นของนายกองค์การบริหารส่วนตำบลป่าตึง',
    position: 'nayok',
    words: [
      { word: 'อนุมัติ / ให้ดำเนินการ', outcome: 'positive' },
      { word: 'อนุมัติ', outcome: 'positive' },
      { word: 'ทราบ', outcome: 'positive' },
      { word: 'ไม่อนุมัติ', outcome: 'negative' },
    ],
  },
];

/**
 * The ITA report (รายงานผลการดำเนินการตามมาตรการ…) goes up the same chain as memo 1 of 001, which
 * carried it. The 000 rule (domain.md §2.3 D): the executive's เห็นชอบ signs and publishes it; when the
 * executive does not concur, the report is returned to the drafter (ส่งคืนแก้ไข) to be reviewed and
 * resubmitted, so the last step has no negative word (a rejection would end the route instead).
 */
export const demoReportRoute: DemoStep[] = [
  { key: 'head-amnuaykan', title: 'หัวหน้าฝ่ายอำนวยการ', position: 'head-amnuaykan', words: [{ word: 'เสนอ', outcome: 'positive' }] },
  { key: 'head-samnak-palad', title: 'หัวหน้าสำนักปลัดองค์การบริหารส่วนตำบล', position: 'head-samnak-palad', words: [{ word: 'เสนอ', outcome: 'positive' }] },
  {
    key: 'palad',
    title: 'ความเห็นของปลัดองค์การบริหารส่วนตำบลป่าตึง',
    position: 'palad',
    words: [
      { word: 'เห็นควรเห็นชอบ', outcome: 'positive' },
      { word: 'ความเห็น', outcome: 'neutral' },
    ],
  },
  { key: 'nayok', title: 'ความเห็นของนายกองค์การบริหารส่วนตำบลป่าตึง', position: 'nayok', words: [{ word: 'เห็นชอบ', outcome: 'positive' }] },
];

/**
 * คำสั่ง and ประกาศ are the นายก's to sign (domain.md §2.3 C, §4.2); the seeds do not show who sees
 * them before. Here หัวหน้าสำนักปลัด puts the draft up and ปลัด recommends it; the นายก signs, or
 * returns it to the drafter for revision (so no negative word ends the route).
 */
export const demoIssuedRoute: DemoStep[] = [
  { key: 'head-samnak-palad', title: 'หัวหน้าสำนักปลัดองค์การบริหารส่วนตำบล', position: 'head-samnak-palad', words: [{ word: 'เสนอ', outcome: 'positive' }] },
  { key: 'palad', title: 'ปลัดองค์การบริหารส่วนตำบลป่าตึง', position: 'palad', words: [{ word: 'เห็นควรลงนาม', outcome: 'positive' }] },
  { key: 'nayok', title: 'นายกองค์การบริหารส่วนตำบลป่าตึง', position: 'nayok', words: [{ word: 'ลงนาม', outcome: 'positive' }] },
];
