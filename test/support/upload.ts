import { createHash, randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import yazl from 'yazl';

export { type UploadAnswer, type UploadOptions, upload } from '../../bench/support/upload-client';

/** A file whose bytes start with the PDF signature, padded with `size` bytes in all (deterministic per seed). */
export function pdfLike(size: number, seed = 'kasian'): Buffer {
  const head = Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1');
  const block = createHash('sha512').update(seed).digest();
  const body = Buffer.alloc(Math.max(size - head.length, 0));
  for (let i = 0; i < body.length; i += block.length) block.copy(body, i);
  return Buffer.concat([head, body]).subarray(0, size);
}

/**
 * `size` bytes of a PDF-looking file generated in 1 MiB chunks, hashed on the way out by the test
 * itself: `sha256()` after the stream ended is the independent hash of what was sent.
 */
export function generatedPdf(size: number, chunkSize = 1024 * 1024): { stream: Readable; sha256(): string } {
  const hash = createHash('sha256');
  const noise = randomBytes(chunkSize);
  let produced = 0;
  let done = '';
  const stream = new Readable({
    read() {
      if (produced >= size) {
        done = hash.digest('hex');
        this.push(null);
        return;
      }
      const n = Math.min(chunkSize, size - produced);
      const chunk = Buffer.from(noise.subarray(0, n));
      if (produced === 0) chunk.write('%PDF-1.7\n', 0, 'latin1');
      if (n >= 20) chunk.writeUInt32BE(produced / chunkSize, 16); // every chunk differs
      produced += n;
      hash.update(chunk);
      this.push(chunk);
    },
  });
  return {
    stream,
    sha256() {
      if (!done) throw new Error('the stream has not ended');
      return done;
    },
  };
}

/** Small but real files of each accepted kind, as their producers lay them out (ZIP entries, magic numbers). */
export async function sampleFile(kind: 'docx' | 'xlsx' | 'odt' | 'ods' | 'jpg' | 'png' | 'zip'): Promise<Buffer> {
  switch (kind) {
    case 'jpg':
      return Buffer.concat([Buffer.from('ffd8ffe000104a46494600010100000100010000', 'hex'), randomBytes(2000), Buffer.from('ffd9', 'hex')]);
    case 'png':
      return Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000' + '1f15c4890000000d49444154789c6360000000000500010d0a2db40000000049454e44ae426082', 'hex');
    case 'docx':
      return zipOf([
        ['[Content_Types].xml', '<?xml version="1.0"?><Types><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>', true],
        ['word/document.xml', '<w:document><w:body><w:p><w:t>บันทึกข้อความ</w:t></w:p></w:body></w:document>', true],
      ]);
    case 'xlsx':
      return zipOf([
        ['[Content_Types].xml', '<?xml version="1.0"?><Types><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>', true],
        ['xl/workbook.xml', '<workbook/>', true],
      ]);
    case 'odt':
      return zipOf([['mimetype', 'application/vnd.oasis.opendocument.text', false], ['content.xml', '<office:document-content/>', true]]);
    case 'ods':
      return zipOf([['mimetype', 'application/vnd.oasis.opendocument.spreadsheet', false], ['content.xml', '<office:document-content/>', true]]);
    case 'zip':
      return zipOf([['รายงาน.txt', 'ไม่ใช่เอกสาร Word', true]]);
  }
}

/** A ZIP of text entries, each stored or deflated as asked, in the order given. */
export function zipOf(entries: [string, string, boolean][]): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const [name, text, compress] of entries) zip.addBuffer(Buffer.from(text, 'utf8'), name, { compress });
  zip.end();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (chunk: Buffer) => chunks.push(chunk)).on('end', () => resolve(Buffer.concat(chunks))).on('error', reject);
  });
}
