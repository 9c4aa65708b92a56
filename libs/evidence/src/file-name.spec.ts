import { parse } from 'content-disposition';
import { attachmentDisposition, FileNameError, fileNameFromHeader, safeBaseName } from './file-name';

const problemOf = (header: string | undefined) => {
  try {
    fileNameFromHeader(header);
  } catch (error) {
    return (error as FileNameError).problem;
  }
  return null;
};

describe('file names of evidence', () => {
  it('reads the RFC 8187 filename* (Thai, spaces) and prefers it to filename', () => {
    const header = `attachment; filename="fallback.pdf"; filename*=UTF-8''%E0%B8%9A%E0%B8%B1%E0%B8%99%E0%B8%97%E0%B8%B6%E0%B8%81%20%E0%B8%82%E0%B9%89%E0%B8%AD%E0%B8%84%E0%B8%A7%E0%B8%B2%E0%B8%A1.pdf`;
    expect(fileNameFromHeader(header)).toBe('บันทึก ข้อความ.pdf');
    expect(fileNameFromHeader('attachment; filename="report 2568.pdf"')).toBe('report 2568.pdf');
  });

  it('refuses a missing, malformed or too long name', () => {
    expect(problemOf(undefined)).toBe('MISSING');
    expect(problemOf('attachment')).toBe('MISSING');
    expect(problemOf('filename="a.pdf"')).toBe('MALFORMED');
    expect(problemOf(attachmentDisposition('ก'.repeat(256)))).toBe('TOO_LONG');
  });

  it.each([
    ['../../etc/บันทึก ข้อความ.pdf', 'บันทึก ข้อความ.pdf'],
    ['C:\\Users\\ผู้ใช้\\รายงาน ผล.docx', 'รายงาน ผล.docx'],
    ['ภาพ\u0000กิจกรรม\u0007\u202e.jpg', 'ภาพกิจกรรม.jpg'],
    ['  ..ซ่อน.pdf. ', 'ซ่อน.pdf'],
    ['บันทึกข้อความ  ขออนุมัติ.pdf', 'บันทึกข้อความ  ขออนุมัติ.pdf'],
    ['../', 'evidence.pdf'],
    ['\u0001\u0002', 'evidence.pdf'],
  ])('neutralises %j to the base name %j', (original, expected) => {
    expect(safeBaseName(original, 'evidence.pdf')).toBe(expected);
  });

  it('serves Thai names back with an RFC 6266 header whose filename* gives the exact name and an ASCII fallback', () => {
    const header = attachmentDisposition('บันทึก ข้อความ ๒๕๖๘.pdf');
    expect(header).toMatch(/^attachment; filename="?[\x20-\x7e]+"?; filename\*=UTF-8''/);
    expect(parse(header).parameters.filename).toBe('บันทึก ข้อความ ๒๕๖๘.pdf');
    expect(header).toContain('filename=file.pdf;');
    expect(attachmentDisposition('ITA report 2568.pdf')).toBe('attachment; filename="ITA report 2568.pdf"');
  });
});
