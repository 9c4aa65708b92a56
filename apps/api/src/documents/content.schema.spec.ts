import { validateContent } from './content.schema';

const memo = {
  agency: 'สำนักปลัด องค์การบริหารส่วนตำบลป่าตึง',
  subject: 'รายงานผลการดำเนินการ',
  addressee: 'นายกองค์การบริหารส่วนตำบลป่าตึง',
  sections: [{ title: 'เรื่องเดิม', paragraphs: ['ตามบันทึกข้อความ …'] }],
  closing: 'จึงเรียนมาเพื่อโปรดพิจารณา',
};
const codesOf = (content: Record<string, unknown>) => {
  try {
    validateContent('MEMO', content);
    return [];
  } catch (error) {
    return (error as { details: { path: string; code: string }[] }).details;
  }
};

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
