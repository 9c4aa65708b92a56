import { performance } from 'node:perf_hooks';
import type { Readable } from 'node:stream';
import { assemblePrintable, imprintHash } from '@kasian/documents';
import { type PdfCacheKey, pdfObjectKey, type RenderPdfPayload, type RenderPdfResult } from '@kasian/jobs';
import type { StorageService } from '@kasian/storage';
import type { DocumentVersionSource } from './document-versions';
import type { OfficialPrinter } from './official-printer';
import { UnprintableError } from './unprintable.error';

export type PdfStore = Pick<StorageService, 'bucket' | 'exists' | 'get' | 'put' | 'stat'>;

const BUCKET = 'evidence';

/**
 * Official PDFs cached by what they print (ADR 0011): a version's content with the route's imprint
 * is printed once per office and stored at `pdf/<officeId>/<contentHash>/<imprintHash>.pdf` in the
 * evidence bucket; when that object exists, it is the PDF.
 */
export class DocumentPdfs {
  constructor(
    private readonly store: PdfStore,
    private readonly versions: DocumentVersionSource,
    private readonly printer: OfficialPrinter,
  ) {}

  async render(payload: RenderPdfPayload): Promise<RenderPdfResult> {
    const key = pdfObjectKey(payload);
    if (await this.store.exists(BUCKET, key)) return this.cached(key);
    if (imprintHash(payload.imprint) !== payload.imprintHash) throw new UnprintableError(`the imprint does not hash to ${payload.imprintHash}`);
    const document = assemblePrintable(payload.kind, await this.versions.content(payload), payload.imprint);
    const started = performance.now();
    const pdf = await this.printer.print(document);
    const renderMs = Math.round(performance.now() - started);
    const stored = await this.store.put(BUCKET, key, Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength), 'application/pdf');
    return { bucket: stored.bucket, key, size: stored.size, cached: false, renderMs };
  }

  /** The stored PDF as a stream, or null when it has not been printed yet. */
  async open(cacheKey: PdfCacheKey): Promise<Readable | null> {
    const key = pdfObjectKey(cacheKey);
    return (await this.store.exists(BUCKET, key)) ? this.store.get(BUCKET, key) : null;
  }

  private async cached(key: string): Promise<RenderPdfResult> {
    const { size } = await this.store.stat(BUCKET, key);
    return { bucket: this.store.bucket(BUCKET), key, size, cached: true, renderMs: null };
  }
}
