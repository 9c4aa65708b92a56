import { Readable } from 'node:stream';
import { type CsvInput, type CsvTable, JSON_SOURCE, readCsv, type SourceMap } from '@kasian/ita';
import { ItaFiscalYearMismatchError, ItaImportInvalidError } from './ita.errors';

/** An import as sent: a CSV stream (text/csv) or a JSON document. */
export interface ImportBody {
  readonly contentType: string | undefined;
  readonly body: unknown;
}

export interface ImportInput {
  readonly format: 'csv' | 'json';
  readonly input: unknown;
  readonly source: SourceMap;
}

const isCsv = (contentType: string | undefined) => /^text\/csv\b/i.test(contentType ?? '');

/**
 * Reads the body into the shape the import validates: a CSV through csv-parse (streamed, limited)
 * and `fromCsv`; a JSON object as is, its fiscal year defaulting to the address's and refused when
 * it names another. CSV read errors are row-level problems like any other.
 */
export async function importInput(request: ImportBody, fiscalYear: number, fromCsv: (table: CsvTable) => CsvInput): Promise<ImportInput> {
  if (isCsv(request.contentType)) {
    const body = request.body;
    const read = await readCsv(body instanceof Readable ? body : String(body ?? ''));
    if (!read.ok) throw new ItaImportInvalidError(read.errors);
    const converted = fromCsv(read.table);
    if (converted.errors.length) throw new ItaImportInvalidError(converted.errors);
    return { format: 'csv', input: converted.input, source: converted.source };
  }
  const body = (request.body && typeof request.body === 'object' ? request.body : {}) as Record<string, unknown>;
  if (body.fiscalYear !== undefined && body.fiscalYear !== fiscalYear) throw new ItaFiscalYearMismatchError(fiscalYear, body.fiscalYear);
  return { format: 'json', input: { ...body, fiscalYear }, source: JSON_SOURCE };
}
