/** The Bull queue on which the api (producer) asks the worker (consumer) for official PDFs. */
export const PDF_QUEUE = 'pdf';

export const PdfJob = {
  Render: 'render-pdf',
} as const;

/** The document kinds the worker prints, named as in the `DocumentKind` enum of the schema. */
export const PRINTABLE_KINDS = ['MEMO', 'ORDER'] as const;
export type PrintableKind = (typeof PRINTABLE_KINDS)[number];

/**
 * Print one `document_versions` row. The worker reads the row's `content` JSON and prints it when
 * it has the shape of the documents library's structured model for `kind`:
 * - `MEMO`: `Memo` (agency, documentNumber, date `{ year, month, day }` in CE, subject, addressee,
 *   optional paragraphs, sections `{ title, paragraphs[], items[] }`, closing, blocks of kind
 *   signer / opinion / decision with a `signature` snapshot, optional digits);
 * - `ORDER`: `Order` (organisation, number, yearBE, subject, preamble[], optional members
 *   `{ name, position, role }` and dutiesIntro / duties `{ text, items[] }`, effective, date, signer).
 * Any other content fails the job, without retries, with the reason in `failedReason`.
 * `contentHash` must be the row's stored hash: the PDF is cached under it (`pdfObjectKey`).
 */
export interface RenderPdfPayload {
  officeId: string;
  documentId: string;
  versionId: string;
  contentHash: string;
  kind: PrintableKind;
}

export interface RenderPdfResult {
  bucket: string;
  key: string;
  size: number;
  /** True when the PDF was already stored under the version's hash and nothing was printed. */
  cached: boolean;
  /** Milliseconds spent printing; null when cached. */
  renderMs: number | null;
}

/** Where the PDF of a content hash is stored in the evidence bucket: the cache key. */
export function pdfObjectKey(officeId: string, contentHash: string): string {
  return `pdf/${officeId}/${contentHash}.pdf`;
}

/** A job id per office and hash, so that asking twice for the same version while it waits queues one job. */
export function renderPdfJobId(payload: Pick<RenderPdfPayload, 'officeId' | 'contentHash'>): string {
  return `render-pdf:${payload.officeId}:${payload.contentHash}`;
}
