import { fileTypeFromBuffer } from 'file-type';
import type { EvidenceKind } from '@kasian/config';

/** The content type of each kind of evidence file Kasian recognises (the kinds are listed in libs/config). */
export const EVIDENCE_FILE_KINDS: Readonly<Record<EvidenceKind, string>> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  jpg: 'image/jpeg',
  png: 'image/png',
};

export type EvidenceFileKind = EvidenceKind;

export type Detection =
  | { readonly accepted: true; readonly kind: EvidenceFileKind; readonly contentType: string }
  /** `detected` is what the bytes look like (e.g. `zip`, `gif`), or null when nothing is recognised. */
  | { readonly accepted: false; readonly detected: string | null };

const isKind = (ext: string): ext is EvidenceFileKind => Object.hasOwn(EVIDENCE_FILE_KINDS, ext);

/**
 * What the first bytes of a file are, by their magic numbers (the `file-type` library), never by
 * the name. ZIP-based formats are told apart by content: the `mimetype` entry of ODF files, the
 * `[Content_Types].xml` main part (or the `word/` / `xl/` folders) of Office Open XML files, so a
 * plain ZIP renamed `.docx` is still a `zip`. `head` should be the first part of the file (a few
 * MiB): a ZIP whose telling entry lies beyond it is reported as `zip`.
 */
export async function detectEvidenceKind(head: Uint8Array, allowed: readonly EvidenceFileKind[]): Promise<Detection> {
  const found = await fileTypeFromBuffer(head);
  if (!found) return { accepted: false, detected: null };
  if (!isKind(found.ext) || !allowed.includes(found.ext)) return { accepted: false, detected: found.ext };
  return { accepted: true, kind: found.ext, contentType: EVIDENCE_FILE_KINDS[found.ext] };
}
