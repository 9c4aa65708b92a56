/** Prints a self-contained HTML page (fonts inlined, no network) to PDF. */
export interface PdfRenderer {
  print(html: string): Promise<Uint8Array>;
  close(): Promise<void>;
}

export const PDF_RENDERER = Symbol('PdfRenderer');
