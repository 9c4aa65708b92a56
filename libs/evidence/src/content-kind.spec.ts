import { EVIDENCE_KINDS } from '@kasian/config';
import { zipOf } from '../../../test/support/upload';
import { detectEvidenceKind } from './content-kind';

const ooxml = (main: string, folder: string) =>
  zipOf([[`${folder}/document.xml`, '<x/>', true], ['[Content_Types].xml', `<Types><Override ContentType="application/vnd.openxmlformats-officedocument.${main}.main+xml"/></Types>`, true]]);

describe('detectEvidenceKind (magic bytes, not names)', () => {
  const all = EVIDENCE_KINDS;

  it.each([
    ['pdf', async () => Buffer.from('%PDF-1.4\n1 0 obj\n'), 'application/pdf'],
    ['jpg', async () => Buffer.from('ffd8ffe000104a46494600010100000100010000', 'hex'), 'image/jpeg'],
    ['png', async () => Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex'), 'image/png'],
    ['docx', () => ooxml('wordprocessingml.document', 'word'), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ['xlsx', () => ooxml('spreadsheetml.sheet', 'xl'), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ['odt', () => zipOf([['mimetype', 'application/vnd.oasis.opendocument.text', false], ['content.xml', '<x/>', true]]), 'application/vnd.oasis.opendocument.text'],
    ['ods', () => zipOf([['mimetype', 'application/vnd.oasis.opendocument.spreadsheet', false], ['content.xml', '<x/>', true]]), 'application/vnd.oasis.opendocument.spreadsheet'],
  ] as const)('recognises %s', async (kind, bytes, contentType) => {
    await expect(detectEvidenceKind(await bytes(), all)).resolves.toEqual({ accepted: true, kind, contentType });
  });

  it('refuses text posing as a PDF, a plain ZIP posing as DOCX, and a kind left out of the configured set', async () => {
    await expect(detectEvidenceKind(Buffer.from('นี่ไม่ใช่ PDF'), all)).resolves.toEqual({ accepted: false, detected: null });
    await expect(detectEvidenceKind(await zipOf([['a.txt', 'x', true]]), all)).resolves.toEqual({ accepted: false, detected: 'zip' });
    await expect(detectEvidenceKind(Buffer.from('GIF89a\x01\x00\x01\x00'), all)).resolves.toEqual({ accepted: false, detected: 'gif' });
    await expect(detectEvidenceKind(Buffer.from('%PDF-1.4\n'), ['png', 'jpg'])).resolves.toEqual({ accepted: false, detected: 'pdf' });
    await expect(detectEvidenceKind(Buffer.alloc(0), all)).resolves.toEqual({ accepted: false, detected: null });
  });
});
