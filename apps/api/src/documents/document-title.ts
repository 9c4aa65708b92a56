import { DocumentTitleEmptyError, DocumentTitleTooLongError } from './documents.errors';

export const TITLE_MAX_LENGTH = 500;

/** The title as stored: trimmed; empty or whitespace-only is refused, as is one over 500 characters. */
export function documentTitle(raw: string): string {
  const title = raw.trim();
  if (!title) throw new DocumentTitleEmptyError();
  if (title.length > TITLE_MAX_LENGTH) throw new DocumentTitleTooLongError(title.length, TITLE_MAX_LENGTH);
  return title;
}
