import { Injectable } from '@nestjs/common';
import type { Principal } from '@kasian/auth';
import { DomainError } from '@kasian/errors';
import { OfficialPdfs } from '../printing/official-pdfs.service';
import { BundlePdfSource, type PdfOutcome, type PdfRequest } from './bundle-pdf-source';

/** A bundle waits longer than a download (20 s by default): an auditor asked for the whole file at once. */
export const BUNDLE_PDF_WAIT_MS = 60_000;

/**
 * The same official PDF as `GET /documents/:id/pdf` (ADR 0011): content, route blocks, register
 * number and timeline appendix, from the cache or printed by the worker. What cannot be printed is
 * listed as missing in the manifest with its reason, not left out silently.
 */
@Injectable()
export class OfficialPdfsForBundles extends BundlePdfSource {
  constructor(private readonly pdfs: OfficialPdfs) {
    super();
  }

  async pdfOf(principal: Principal, request: PdfRequest): Promise<PdfOutcome> {
    try {
      const outcome = await this.pdfs.locate(principal, request.documentId, request.versionNo, undefined, BUNDLE_PDF_WAIT_MS);
      if (outcome.state === 'ready') return { open: outcome.open };
      return { missing: `the worker had not printed version ${request.versionNo} within ${BUNDLE_PDF_WAIT_MS / 1000} s; ask for the bundle again` };
    } catch (error) {
      if (error instanceof DomainError) return { missing: `${error.code}: ${error.message}` };
      throw error;
    }
  }
}
