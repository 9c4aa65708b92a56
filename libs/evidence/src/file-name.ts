import { create, parse } from 'content-disposition';

/** Longest file name kept, in characters (file systems stop at 255 bytes; Thai takes 3 bytes a character). */
export const MAX_FILE_NAME_LENGTH = 255;

export type FileNameProblem = 'MISSING' | 'MALFORMED' | 'TOO_LONG';

export class FileNameError extends Error {
  constructor(readonly problem: FileNameProblem) {
    super(`file name: ${problem}`);
    this.name = 'FileNameError';
  }
}

/**
 * The file name a client sent in `Content-Disposition: attachment; filename*=UTF-8''…` (RFC 6266 /
 * 8187; `filename*` wins over `filename`). Thai names must come percent-encoded in `filename*`:
 * Node's HTTP parser refuses raw UTF-8 bytes in a header (400) before any route sees them.
 */
export function fileNameFromHeader(header: string | undefined): string {
  if (!header?.trim()) throw new FileNameError('MISSING');
  let parsed: { type: string; parameters: Record<string, string> };
  try {
    parsed = parse(header);
  } catch {
    throw new FileNameError('MALFORMED');
  }
  if (!/^(attachment|inline|form-data)$/i.test(parsed.type)) throw new FileNameError('MALFORMED');
  const { parameters } = parsed;
  const name = parameters.filename;
  if (name === undefined || name === '') throw new FileNameError('MISSING');
  if (name.length > MAX_FILE_NAME_LENGTH) throw new FileNameError('TOO_LONG');
  return name;
}

// C0 controls, DEL, C1 controls, and the Unicode line/paragraph separators and bidi overrides that disguise names.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * The name to store and serve back: whatever follows the last `/` or `\`, without control
 * characters, without leading or trailing spaces and dots; Thai letters and inner spaces are
 * kept exactly. `fallback` (e.g. `evidence.pdf`) stands in when nothing usable is left.
 */
export function safeBaseName(original: string, fallback: string): string {
  const base = original.replace(CONTROL, '').split(/[/\\]/).at(-1) ?? '';
  const trimmed = base.replace(/^[\s.]+|[\s.]+$/g, '');
  return trimmed === '' ? fallback : trimmed;
}

/** `Content-Disposition` for serving a file back (RFC 6266 with an RFC 8187 `filename*` for Thai). */
export function attachmentDisposition(fileName: string): string {
  return create(fileName, { fallback: asciiFallback(fileName) });
}

/** For clients that ignore `filename*`: non-ASCII runs become `_`, the extension stays. */
function asciiFallback(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]+/g, '_').replace(/["\\]/g, '_');
  return /[A-Za-z0-9]/.test(ascii.replace(/\.[A-Za-z0-9]+$/, '')) ? ascii : `file${/\.[A-Za-z0-9]+$/.exec(ascii)?.[0] ?? ''}`;
}
