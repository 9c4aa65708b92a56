import { assemblePrintable } from '@kasian/documents';
import { ANNOUNCEMENT_001 } from '../../../../libs/documents/src/__fixtures__/announcement-001';
import { ORDER_002 } from '../../../../libs/documents/src/__fixtures__/order-002';
import { validateContent } from './content.schema';
import { documentTitle } from './document-title';

const memo = {
  agency: 'สำนักปลัด องค์การบริหารส่วนตำบลป่าตึง',
  subject: 'รายงานผลการดำเนินการ',
  addressee: 'นายกองค์การบริหารส่วนตำบลป่าตึง',
  sections: [{ title: 'เรื่องเดิม', paragraphs: ['ตามบันทึกข้อความ …'] }],
  closing: 'จึงเรียนมาเพื่อโปรดพิจารณา',
};
const codesOfKind = (kind: string) => (content: Record<string, unknown>) => {
  try {
    validateContent(kind, content);
    return [];
  } catch (error) {
    return (error as { details: { path: string; code: string }[] }).details;
  }
};
const codesOf = codesOfKind('MEMO');

describe('validateContent', () => {
  it('accepts a memo and fills empty item lists', () => {
    expect(validateContent('MEMO', memo)).toMatchObject({ sections: [{ items: [] }] });
  });

  it('names an empty or missing field', () => {
    expect(codesOf({ ...memo, subject: '   ' })).toEqual([{ path: 'subject', code: 'EMPTY_FIELD' }]);
    const { closing: _c, ...noClosing } = memo;
    expect(codesOf(noClosing)).toEqual([{ path: 'closing', code: 'MISSING_FIELD' }]);
  });

  it('refuses a section over a sane size', () => {
    const long = { ...memo, sections: [{ title: 'ข้อเท็จจริง', paragraphs: ['ก'.repeat(20_001)] }] };
    expect(codesOf(long)).toEqual([{ path: 'sections.0.paragraphs.0', code: 'SECTION_TOO_LONG' }]);
  });

  it('takes วันที่ as an office writes it and refuses an impossible one with the Thai library’s code', () => {
    expect(validateContent('MEMO', { ...memo, date: '๒๑ ตุลาคม ๒๕๖๘' }).date).toEqual({ year: 2025, month: 10, day: 21 });
    expect(() => validateContent('MEMO', { ...memo, date: '๓๑ กันยายน ๒๕๖๘' })).toThrow(expect.objectContaining({ code: 'THAI_DATE_IMPOSSIBLE', httpStatus: 400 }));
    expect(codesOf({ ...memo, date: { year: 2025, month: 2, day: 29 } })).toEqual([{ path: 'date', code: 'IMPOSSIBLE_DATE' }]);
  });

  it('refuses content over 512 KB whatever the kind', () => {
    expect(() => validateContent('ORDER', { body: 'ข'.repeat(200_000) })).toThrow(/CONTENT_TOO_LARGE/);
  });
});

describe('validateContent of a คำสั่ง (the libs/documents Order as drafted)', () => {
  const { number: _n, yearBE: _y, date: _d, signer: _s, ...drafted } = ORDER_002;
  const order = JSON.parse(JSON.stringify(drafted)) as Record<string, unknown>;
  const orderCodes = codesOfKind('ORDER');

  it('accepts the 002 order, and what it stores prints as that order', () => {
    const stored = validateContent('ORDER', order);
    const printed = assemblePrintable('ORDER', stored, { kind: 'ORDER', number: 152, yearBE: 2566, date: ORDER_002.date, signer: ORDER_002.signer });
    expect(printed).toEqual({ kind: 'ORDER', order: ORDER_002 });
  });

  it('fills the effective clause and empty duty items, and takes สั่ง ณ วันที่ as an office writes it', () => {
    const { effective: _e, ...noEffective } = order;
    const stored = validateContent('ORDER', { ...noEffective, duties: [{ text: 'ศึกษากรอบแนวทาง' }], date: '๓๐ มกราคม พ.ศ. ๒๕๖๖' });
    expect(stored).toMatchObject({ effective: 'ทั้งนี้ ตั้งแต่บัดนี้เป็นต้นไป', duties: [{ text: 'ศึกษากรอบแนวทาง', items: [] }], date: { year: 2023, month: 1, day: 30 } });
  });

  it('names an empty, missing or oversized field, an empty preamble and an unknown member role', () => {
    expect(orderCodes({ ...order, subject: ' \n ' })).toEqual([{ path: 'subject', code: 'EMPTY_FIELD' }]);
    const { organisation: _o, ...noOrganisation } = order;
    expect(orderCodes(noOrganisation)).toEqual([{ path: 'organisation', code: 'MISSING_FIELD' }]);
    expect(orderCodes({ ...order, preamble: ['ก'.repeat(20_001)] })).toEqual([{ path: 'preamble.0', code: 'SECTION_TOO_LONG' }]);
    expect(orderCodes({ ...order, preamble: [] })).toEqual([{ path: 'preamble', code: 'EMPTY_BODY' }]);
    expect(orderCodes({ ...order, members: [{ name: 'นายสมชาย ใจดี', position: 'รองปลัดเทศบาล', role: 'ที่ปรึกษา' }] })).toEqual([{ path: 'members.0.role', code: 'MEMBER_ROLE_UNKNOWN' }]);
    expect(orderCodes({ ...order, members: Array(101).fill(ORDER_002.members![1]) })).toEqual([{ path: 'members', code: 'TOO_MANY_MEMBERS' }]);
  });

  it('refuses an impossible สั่ง ณ วันที่, as a calendar date or as Thai text', () => {
    expect(orderCodes({ ...order, date: { year: 2023, month: 2, day: 29 } })).toEqual([{ path: 'date', code: 'IMPOSSIBLE_DATE' }]);
    expect(() => validateContent('ORDER', { ...order, date: '๒๙ กุมภาพันธ์ ๒๕๖๖' })).toThrow(expect.objectContaining({ code: 'THAI_DATE_IMPOSSIBLE', httpStatus: 400 }));
  });
});

describe('validateContent of a ประกาศ', () => {
  const { numbered: _n, number: _no, yearBE: _y, signer, effectiveDate, date, fiscalYear, ...rest } = ANNOUNCEMENT_001;
  const announcement = { ...rest, fiscalYear, effectiveDate: '๑ ตุลาคม ๒๕๖๗', date: '๑ ต.ค. ๖๗', signer: { nameAsPrinted: signer!.nameAsPrinted, positionTitleAsPrinted: signer!.positionTitleAsPrinted } };
  const announcementCodes = codesOfKind('ANNOUNCEMENT');

  it('accepts the 001 No Gift Policy announcement: Thai dates read, and it prints as the fixture once a register numbers it', () => {
    const stored = validateContent('ANNOUNCEMENT', announcement);
    expect(stored).toMatchObject({ effectiveDate, date, fiscalYear: 2568 });
    const printed = assemblePrintable('ANNOUNCEMENT', stored, { kind: 'ANNOUNCEMENT', numbered: true, number: 25, yearBE: 2567, date: null, signer: null });
    expect(printed).toEqual({ kind: 'ANNOUNCEMENT', announcement: ANNOUNCEMENT_001 });
  });

  it('a number written in the draft needs its year, and prints until a register gives one', () => {
    expect(announcementCodes({ ...announcement, number: 7 })).toEqual([{ path: 'yearBE', code: 'MISSING_FIELD' }]);
    expect(announcementCodes({ ...announcement, yearBE: 2567 })).toEqual([{ path: 'number', code: 'MISSING_FIELD' }]);
    expect(announcementCodes({ ...announcement, number: 0, yearBE: 67 })).toEqual([
      { path: 'number', code: 'NUMBER_OUT_OF_RANGE' },
      { path: 'yearBE', code: 'YEAR_OUT_OF_RANGE' },
    ]);
    const stored = validateContent('ANNOUNCEMENT', { ...announcement, number: 7, yearBE: 2567 });
    const printed = assemblePrintable('ANNOUNCEMENT', stored, { kind: 'ANNOUNCEMENT', numbered: false, number: null, yearBE: null, date: null, signer: null });
    expect(printed).toMatchObject({ announcement: { numbered: true, number: 7, yearBE: 2567 } });
  });

  it('names an unknown or missing issuer, an empty body, a signer name outside parentheses and an impossible date', () => {
    expect(announcementCodes({ ...announcement, issuer: 'MAYOR' })).toEqual([{ path: 'issuer', code: 'ISSUER_UNKNOWN' }]);
    const { issuer: _i, ...noIssuer } = announcement;
    expect(announcementCodes(noIssuer)).toEqual([{ path: 'issuer', code: 'MISSING_FIELD' }]);
    expect(announcementCodes({ ...announcement, paragraphs: [] })).toEqual([{ path: 'paragraphs', code: 'EMPTY_BODY' }]);
    expect(announcementCodes({ ...announcement, paragraphs: ['  '] })).toEqual([{ path: 'paragraphs.0', code: 'EMPTY_FIELD' }]);
    expect(announcementCodes({ ...announcement, signer: { nameAsPrinted: 'นายณัฐกรณ์ ใจรังสี', positionTitleAsPrinted: 'นายก' } })).toEqual([
      { path: 'signer.nameAsPrinted', code: 'SIGNER_NAME_NOT_IN_PARENTHESES' },
    ]);
    expect(announcementCodes({ ...announcement, effectiveDate: { year: 2024, month: 9, day: 31 } })).toEqual([{ path: 'effectiveDate', code: 'IMPOSSIBLE_DATE' }]);
    expect(() => validateContent('ANNOUNCEMENT', { ...announcement, date: '๓๑ กันยายน ๒๕๖๗' })).toThrow(expect.objectContaining({ code: 'THAI_DATE_IMPOSSIBLE' }));
    expect(announcementCodes({ ...announcement, fiscalYear: 68 })).toEqual([{ path: 'fiscalYear', code: 'YEAR_OUT_OF_RANGE' }]);
  });
});

describe('documentTitle', () => {
  it('stores the title trimmed, and refuses an empty, whitespace-only or overlong one with its own code', () => {
    expect(documentTitle('  ขออนุมัติจัดอบรม \n')).toBe('ขออนุมัติจัดอบรม');
    expect(() => documentTitle('')).toThrow(expect.objectContaining({ code: 'TITLE_EMPTY', httpStatus: 400, messageTh: expect.stringContaining('ชื่อเรื่อง') }));
    expect(() => documentTitle(' \t\u3000 ')).toThrow(expect.objectContaining({ code: 'TITLE_EMPTY' }));
    expect(() => documentTitle('ก'.repeat(501))).toThrow(expect.objectContaining({ code: 'TITLE_TOO_LONG', details: { field: 'title', length: 501, max: 500 } }));
  });
});
