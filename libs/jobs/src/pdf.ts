import type { PrintImprint } from '@kasian/documents';

/** The Bull queue on which the api (producer) asks the worker (consumer) for official PDFs. */
export const PDF_QUEUE = 'pdf';

export const PdfJob = {
  Render: 'render-pdf',
} as const;

/** The document kinds the worker prints, named as in the `DocumentKind` enum of the schema. */
export const PRINTABLE_KINDS = ['MEMO', 'ORDER', 'ANNOUNCEMENT', 'REPORT'] as const;
export type PrintableKind = (typeof PRINTABLE_KINDS)[number];

/**
 * Print one `document_versions` row as the official document (ADR 0006, 0011). The worker reads
 * the row's drafted `content` (checked against office, document, kind and `contentHash`) and adds
 * the `imprint` the api assembled from the route and the register: for a `MEMO` the number (ที่),
 * the date when the draft has none, the signature and opinion blocks and the timeline appendix;
 * for an `ORDER` number, year, date and signer; for an `ANNOUNCEMENT` the same and whether it is
 * numbered at all. Content or imprint that does not fit fails the
 * job, without retries, with the reason in `failedReason`.
 * The PDF is cached under `contentHash` + `imprintHash` (`pdfObjectKey`): everything printed.
 */
export interface RenderPdfPayload {
  officeId: string;
  documentId: string;
  versionId: string;
  contentHash: string;
  kind: PrintableKind;
  imprint: PrintImprint;
  /** `imprintHash(imprint)`: the worker refuses a payload whose imprint does not hash to it. */
  imprintHash: string;
}

export interface RenderPdfResult {
  bucket: string;
  key: string;
  size: number;
  /** True when the PDF was already stored under the key and nothing was printed. */
  cached: boolean;
  /** Milliseconds spent printing; null when cached. */
  renderMs: number | null;
}

export type PdfCacheKey = Pick<RenderPdfPayload, 'officeId' | 'contentHash' | 'imprintHash'>;

/**
 * Where the PDF is stored in the evidence bucket: the cache key. The version's content hash and
 * the imprint's hash together cover everything printed, so a new decision or a number gives a new key.
 */
export function pdfObjectKey({ officeId, contentHash, imprintHash }: PdfCacheKey): string {
  return `pdf/${officeId}/${contentHash}/${imprintHash}.pdf`;
}

/** One job id per cache key, so asking twice for the same PDF while its job waits queues one job. */
export function renderPdfJobId({ officeId, contentHash, imprintHash }: PdfCacheKey): string {
  return `render-pdf:${officeId}:${contentHash}:${imprintHash}`;
}
