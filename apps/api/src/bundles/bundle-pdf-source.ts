import type { Readable } from 'node:stream';

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

/**
 * Where bundles get a document's official PDF. A port so that the assembly with the route's
 * signature blocks (GET /documents/:id/pdf, being built) can replace the worker's render job
 * without the bundle builder changing.
 */
export abstract class BundlePdfSource {
  abstract pdfOf(request: PdfRequest): Promise<PdfOutcome>;
}
