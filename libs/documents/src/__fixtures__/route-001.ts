import { createHash } from 'node:crypto';
import type { RouteTimeline } from '../memo/route-timeline';

export const VERSION_1_HASH = createHash('sha256').update('memo 001 version 1').digest('hex');
export const VERSION_2_HASH = createHash('sha256').update('memo 001 version 2').digest('hex');

/** The four decided steps of the 001 memo; step 3 acts for the ปลัด under an order. */
export const ROUTE_001: RouteTimeline = {
  rows: [
    {
      step: 'เสนอหัวหน้าฝ่ายอำนวยการ',
      who: 'นางสาวกนกพร โภชนพันธ์',
      position: 'หัวหน้าฝ่ายอำนวยการ',
      onBehalfOf: null,
      orderRef: null,
      at: new Date('2025-10-21T02:05:00Z'),
      words: 'เสนอ',
      versionNo: 1,
      versionHash: VERSION_1_HASH,
    },
    {
      step: 'เสนอหัวหน้าสำนักปลัด',
      who: 'นางสาวนภัทธิญา วิชระอภิเดชากุล',
      position: 'หัวหน้าสำนักปลัดองค์การบริหารส่วนตำบล',
      onBehalfOf: null,
      orderRef: null,
      at: new Date('2025-10-21T03:30:00Z'),
      words: 'ส่งคืนแก้ไข: ระบุปีงบประมาณให้ครบ',
      versionNo: 1,
      versionHash: VERSION_1_HASH,
    },
    {
      step: 'ความเห็นของปลัด',
      who: 'ร้อยโทกิตติชัย เจริญยิ่ง',
      position: 'ปลัดองค์การบริหารส่วนตำบลป่าตึง',
      onBehalfOf: 'นายกองค์การบริหารส่วนตำบลป่าตึง',
      orderRef: 'คำสั่งองค์การบริหารส่วนตำบลป่าตึง ที่ ๑๒๓/๒๕๖๘',
      at: new Date('2025-10-21T07:45:00Z'),
      words: 'เห็นชอบ',
      versionNo: 2,
      versionHash: VERSION_2_HASH,
    },
    {
      step: 'ความเห็นของนายก',
      who: 'นายณัฐกรณ์ ใจรังสี',
      position: 'นายกองค์การบริหารส่วนตำบลป่าตึง',
      onBehalfOf: null,
      orderRef: null,
      at: new Date('2025-10-21T17:10:00Z'),
      words: 'อนุมัติ / ให้ดำเนินการ',
      versionNo: 2,
      versionHash: VERSION_2_HASH,
    },
  ],
};
