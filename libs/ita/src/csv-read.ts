import type { Readable } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import type { CsvTable } from './csv-input';
import { problem, type ImportProblem } from './problems';

export interface CsvLimits {
  readonly maxRecords: number;
  readonly maxBytes: number;
}

export const CSV_LIMITS: CsvLimits = { maxRecords: 1_000, maxBytes: 2 * 1024 * 1024 };

export type CsvReading = { ok: true; table: CsvTable } | { ok: false; errors: ImportProblem[] };

/**
 * Streams a UTF-8 CSV (BOM allowed, blank lines skipped) through csv-parse into header-keyed
 * records, each with the line it starts on; stops at the first malformed line or limit.
 */
export async function readCsv(input: Readable | string, limits: CsvLimits = CSV_LIMITS): Promise<CsvReading> {
  const parser = parse({ bom: true, skip_empty_lines: true, relax_column_count: false, info: true, max_record_size: limits.maxBytes });
  let bytes = 0;
  const feed = async () => {
    if (typeof input === 'string') return void parser.end(input);
    for await (const chunk of input) {
      bytes += (chunk as Buffer).length;
      if (bytes > limits.maxBytes) return void parser.destroy(new CsvLimitError('bytes'));
      if (!parser.write(chunk)) await new Promise((resolve) => parser.once('drain', resolve));
    }
    parser.end();
  };
  const feeding = feed().catch((error: Error) => parser.destroy(error));
  try {
    const table = await collect(parser as AsyncIterable<{ record: string[]; info: { lines: number } }>, limits);
    await feeding;
    return { ok: true, table };
  } catch (error) {
    return { ok: false, errors: [csvProblem(error)] };
  }
}

class CsvLimitError extends Error {
  constructor(readonly limit: 'bytes' | 'records') {
    super(`CSV over its ${limit} limit`);
  }
}

async function collect(records: AsyncIterable<{ record: string[]; info: { lines: number } }>, limits: CsvLimits): Promise<CsvTable> {
  let headers: string[] | null = null;
  const rows: { line: number; cells: Record<string, string> }[] = [];
  for await (const { record, info } of records) {
    const line = info.lines - record.join(',').split('\n').length + 1;
    if (!headers) {
      headers = record.map((h) => h.trim());
      continue;
    }
    if (rows.length >= limits.maxRecords) throw new CsvLimitError('records');
    rows.push({ line, cells: Object.fromEntries(headers.map((h, i) => [h, record[i] ?? ''])) });
  }
  return { headers: headers ?? [], records: rows };
}

function csvProblem(error: unknown): ImportProblem {
  if (error instanceof CsvLimitError) {
    return problem({}, 'ITA_CSV_TOO_LARGE', `The CSV is over its ${error.limit} limit.`, 'ไฟล์ CSV มีขนาดหรือจำนวนแถวเกินกำหนด');
  }
  if (error instanceof CsvError) {
    const line = (error as CsvError & { lines?: number }).lines ?? null;
    return problem({ row: line }, 'ITA_CSV_MALFORMED', `The CSV cannot be read: ${error.message}`, 'อ่านไฟล์ CSV ไม่ได้ รูปแบบไม่ถูกต้อง');
  }
  throw error;
}
