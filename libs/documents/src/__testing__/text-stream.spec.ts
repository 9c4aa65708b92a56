import { checkLinesInOrder, findInStream, normaliseLine, textStream } from './text-stream';

const MEMO_LINES = ['บันทึกข้อความ', 'ส่วนราชการ สำนักปลัด องค์การบริหารส่วนตำบลป่าตึง', 'ที่ ขร ๗๓๕๐๑/๑๖๕๖', 'วันที่ ๒๑ ตุลาคม ๒๕๖๘', 'เรียน นายกององค์การบริหารส่วนตำบลป่าตึง', 'เข้ารับการประเมิน ITA ก่อนจะศึกษาและวิเคราะห์ผลการประเมิน', '(ลงชื่อ)', '(นางสาวกนกพร โภชนพันธ์)'];

/** The lines as pdftotext gives them when nothing went wrong: one per line. */
const extracted = (lines: readonly string[]) => lines.join('\n');
const check = (source: readonly string[], pdfText: string) => checkLinesInOrder(source, textStream(pdfText));
const allFound = (source: readonly string[]) => ({ found: source.length, missing: null });
const missingAt = (source: readonly string[], index: number) => ({ found: index, missing: { line: normaliseLine(source[index]), index } });

/** The memo with `from` in line `index` replaced by `to` in the extracted text only. */
function alter(index: number, from: string, to: string): string {
  expect(MEMO_LINES[index]).toContain(from);
  return extracted(MEMO_LINES.map((line, i) => (i === index ? line.replace(from, to) : line)));
}

describe('checkLinesInOrder fails', () => {
  it('passes the unaltered lines (the baseline the failures below depart from)', () => {
    expect(check(MEMO_LINES, extracted(MEMO_LINES))).toEqual(allFound(MEMO_LINES));
  });

  it.each([
    ['a tone mark dropped: ก่อน → กอน', ['ก่อน'], 'กอน'],
    ['a tone mark moved before its vowel: ที่ → ท่ี', ['ที่'], 'ท\u0E48\u0E35'],
    ['a tone mark moved to the next letter: ป่าตึง → ปา่ตึง', ['ป่าตึง'], 'ปา\u0E48ตึง'],
    ['a vowel dropped: เรียน → เรยน', ['เรียน'], 'เรยน'],
    ['a vowel mark dropped: ตึง → ตง', ['ตึง'], 'ตง'],
    ['a letter substituted: ขร → ชร (I-4)', ['ขร ๗๓๕๐๑'], 'ชร ๗๓๕๐๑'],
    ['a Thai digit written Arabic: ๒๕๖๘ → 2568', ['๒๕๖๘'], '2568'],
    ['a word space lost: สำนักปลัด องค์การ → สำนักปลัดองค์การ', ['สำนักปลัด องค์การ'], 'สำนักปลัดองค์การ'],
    ['a character added: ตุลาคม → ตุลาาคม', ['ตุลาคม'], 'ตุลาาคม'],
  ])('%s', (_, [from], to) => {
    const index = MEMO_LINES.findIndex((line) => line.includes(from));
    expect(check(MEMO_LINES, alter(index, from, to))).toEqual(missingAt(MEMO_LINES, index));
  });

  it('when two source lines appear swapped', () => {
    const swapped = [...MEMO_LINES];
    [swapped[2], swapped[3]] = [swapped[3], swapped[2]];
    expect(check(MEMO_LINES, extracted(swapped))).toEqual(missingAt(MEMO_LINES, 3));
  });

  it('when a line is missing', () => {
    expect(check(MEMO_LINES, extracted(MEMO_LINES.filter((_, i) => i !== 4)))).toEqual(missingAt(MEMO_LINES, 4));
  });

  it('when a line is cut short', () => {
    expect(check(MEMO_LINES, alter(1, 'ป่าตึง', 'ป่า'))).toEqual(missingAt(MEMO_LINES, 1));
  });

  it('when letters are added to a line\'s last word', () => {
    expect(check(MEMO_LINES, alter(3, '๒๕๖๘', '๒๕๖๘๙'))).toEqual(missingAt(MEMO_LINES, 3));
  });

  it('when a short line is only inside another line: (ลงชื่อ) glued to a word', () => {
    const pdfText = extracted([...MEMO_LINES.slice(0, 6), 'ลายมือ(ลงชื่อ)', MEMO_LINES[7]]);
    expect(check(MEMO_LINES, pdfText)).toEqual(missingAt(MEMO_LINES, 6));
  });

  it('when a line is only the end of a longer word: ข้อความ inside บันทึกข้อความ', () => {
    expect(findInStream(textStream('บันทึกข้อความ'), 'ข้อความ')).toBe(-1);
    expect(findInStream(textStream('บันทึกข้อความนี้'), 'บันทึกข้อความ')).toBe(-1);
  });

  it('when two source lines would have to share the same printed text', () => {
    expect(check(['(ลงชื่อ)', '(ลงชื่อ)'], '(ลงชื่อ)')).toEqual(missingAt(['(ลงชื่อ)', '(ลงชื่อ)'], 1));
    expect(check(['ก ข', 'ข ค'], 'ก ข ค')).toEqual(missingAt(['ก ข', 'ข ค'], 1));
  });

  it('when two leaders to write on are printed as one', () => {
    expect(check(['.....', '.....', 'ร้อยโท'], '..........................\nร้อยโท')).toEqual(missingAt(['.....', '.....', 'ร้อยโท'], 1));
  });
});

describe('checkLinesInOrder passes only the differences it documents', () => {
  it('NFC-equivalent sequences: ผู้ with its marks in either order, in the PDF or in the source', () => {
    const canonical = 'ผู้บริหาร'.normalize('NFC');
    const reordered = 'ผ\u0E49\u0E39บริหาร';
    expect(reordered).not.toBe(canonical);
    expect(reordered.normalize('NFC')).toBe(canonical);
    expect(check([canonical], reordered)).toEqual(allFound([canonical]));
    expect(check([reordered], canonical)).toEqual(allFound([reordered]));
  });

  it('runs of spaces and tabs, blank lines, CR LF, form feeds between pages, spaces at line ends', () => {
    const pdfText = `  บันทึกข้อความ  \r\n\r\nส่วนราชการ   สำนักปลัด\tองค์การบริหารส่วนตำบลป่าตึง\n\f${MEMO_LINES.slice(2).join('\n\n')}\n`;
    expect(check(MEMO_LINES, pdfText)).toEqual(allFound(MEMO_LINES));
  });

  it('a line wrapped by the PDF, between Thai words without a space or at a space', () => {
    const source = ['ส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ประจำปีงบประมาณ', 'Integrity and Transparency Assessment'];
    const pdfText = 'ส่งเสริมคุณธรรมและความโปร่งใสภายใน\nหน่วยงาน ประจำปีงบประมาณ\nIntegrity and Transparency\nAssessment';
    expect(check(source, pdfText)).toEqual(allFound(source));
  });

  it('a space poppler reads next to a Thai combining mark: ป่ าตึง, ประจำปี งบประมาณ', () => {
    const source = ['องค์การบริหารส่วนตำบลป่าตึง ประจำปีงบประมาณ'];
    expect(check(source, 'องค์การบริหารส่วนตำบลป่ าตึง ประจำปี งบประมาณ')).toEqual(allFound(source));
  });

  it('two source lines side by side on one printed line (pdftotext -layout), and other text around them', () => {
    const pdfText = ['                บันทึกข้อความ', 'ส่วนราชการ สำนักปลัด องค์การบริหารส่วนตำบลป่าตึง', 'ที่ ขร ๗๓๕๐๑/๑๖๕๖            วันที่ ๒๑ ตุลาคม ๒๕๖๘', 'หน้า ๑', ...MEMO_LINES.slice(4)].join('\n');
    expect(check(MEMO_LINES, pdfText)).toEqual(allFound(MEMO_LINES));
  });

  it('a leader to write on drawn longer than in the source, on a line of its own', () => {
    expect(check(['.....', '.....'], '........................\n..........................')).toEqual(allFound(['.....', '.....']));
    expect(check(['ความเห็น.....'], 'ความเห็น\n..........................')).toEqual(allFound(['ความเห็น.....']));
  });

  it('a piece cut out of a word (I-25, starting with a combining mark) right after the text before it', () => {
    expect(findInStream(textStream('๑) นาย\nनุวัส อรุณรัตน์'), 'ุวัส อรุณรัตน์')).toBeGreaterThan(0);
  });
});

describe('findInStream', () => {
  it('gives the end of the first whole-word match at or after `from`', () => {
    const stream = textStream('(ลงชื่อ)\nนาย ก\n(ลงชื่อ)\nนาย ข');
    const first = findInStream(stream, '(ลงชื่อ)');
    expect(first).toBe('(ลงชื่อ)'.length);
    expect(findInStream(stream, '(ลงชื่อ)', first)).toBe(stream.lastIndexOf('(ลงชื่อ)') + '(ลงชื่อ)'.length);
  });

  it('normalises the needle like a source line', () => {
    expect(findInStream(textStream('ผู้บริหาร ท้องถิ่น'), '  ผ\u0E49\u0E39บริหาร   ท้องถิ่น ')).toBeGreaterThan(0);
  });

  it('refuses a blank needle, which would match anywhere', () => {
    expect(() => findInStream('ก', '  ')).toThrow('blank');
  });
});
