import type { Readable } from 'node:stream';
import type { Principal } from '@kasian/auth';

/** The document version whose official PDF a bundle needs. */
export interface PdfRequest {
  officeId: string;
  documentId: string;
  versionId: string;
  versionNo: number;
  contentHash: string;
  kind: string;
}

export type PdfOutcome = { readonly open: () => Promise<Readable> } | { readonly missing: string };

/** Where bundles get a document's official PDF (a port: the bundle builder does not know how PDFs are printed). */
export abstract class BundlePdfSource {
  abstract pdfOf(principal: Principal, request: PdfRequest): Promise<PdfOutcome>;
}
