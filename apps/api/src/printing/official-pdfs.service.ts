import type { Readable } from 'node:stream';
import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '@kasian/auth';
import { type ApiConfig, APP_CONFIG } from '@kasian/config';
import { assemblePrintable, imprintHash, type PrintImprint, UnprintableContentError } from '@kasian/documents';
import { pdfObjectKey, type RenderPdfPayload } from '@kasian/jobs';
import { StorageService } from '@kasian/storage';
import { toThaiDigits } from '@kasian/thai';
import { imprintOf } from './imprint';
import { PdfJobs } from './pdf-jobs';
import { type PrintedVersion, PrintSources } from './print-sources';
import { DocumentNotPrintableError } from './printing.errors';

type Waiting = { state: 'not-modified'; etag: string } | { state: 'rendering'; etag: string; jobId: string; retryAfterSeconds: number };

export type PdfOutcome = { state: 'ready'; etag: string; stream: Readable; filename: string; asciiFilename: string; cached: boolean } | Waiting;

/** A printed PDF found in the cache, opened only when asked (a bundle opens each file when its turn comes). */
export type LocatedPdf = { state: 'ready'; etag: string; open(): Promise<Readable>; filename: string; asciiFilename: string; cached: boolean } | Waiting;

/** How long a client waits before asking again while the worker prints (a memo prints in about a second). */
const RETRY_AFTER_SECONDS = 2;

const KIND_TH = { MEMO: 'บันทึกข้อความ', ORDER: 'คำสั่ง', ANNOUNCEMENT: 'ประกาศ', REPORT: 'รายงาน' } as const;

/**
 * DownloadOfficialPdf (ADR 0011): the version's content plus what the route and the register add,
 * printed by the worker once and cached in MinIO under a key that covers everything printed.
 */
@Injectable()
export class OfficialPdfs {
  constructor(
    private readonly sources: PrintSources,
    private readonly jobs: PdfJobs,
    private readonly storage: StorageService,
    @Inject(APP_CONFIG) private readonly config: Pick<ApiConfig, 'PDF_WAIT_SECONDS'>,
  ) {}

  async download(
    principal: Principal,
    documentId: string,
    versionNo: number | undefined,
    ifNoneMatch: string | undefined,
    waitMs = this.config.PDF_WAIT_SECONDS * 1000,
  ): Promise<PdfOutcome> {
    const located = await this.locate(principal, documentId, versionNo, ifNoneMatch, waitMs);
    if (located.state !== 'ready') return located;
    const { open, ...ready } = located;
    return { ...ready, stream: await open() };
  }

  /** As `download`, but the PDF is not opened yet. */
  async locate(
    principal: Principal,
    documentId: string,
    versionNo: number | undefined,
    ifNoneMatch: string | undefined,
    waitMs = this.config.PDF_WAIT_SECONDS * 1000,
  ): Promise<LocatedPdf> {
    const printed = await this.sources.version(principal, documentId, versionNo);
    const imprint = imprintOf(await this.sources.imprintSources(principal, printed));
    assertPrintable(printed, imprint);
    const payload: RenderPdfPayload = {
      officeId: printed.officeId,
      documentId,
      versionId: printed.version.id,
      contentHash: printed.version.contentHash,
      kind: printed.kind,
      imprint,
      imprintHash: imprintHash(imprint),
    };
    const etag = `W/"${payload.contentHash}-${payload.imprintHash}"`;
    if (ifNoneMatch === etag) return { state: 'not-modified', etag };
    const key = pdfObjectKey(payload);
    const cached = await this.storage.exists('evidence', key);
    if (!cached) {
      const rendered = await this.jobs.render(payload, waitMs);
      if (!rendered.done) return { state: 'rendering', etag, jobId: rendered.jobId, retryAfterSeconds: RETRY_AFTER_SECONDS };
    }
    return { state: 'ready', etag, open: () => this.storage.get('evidence', key), cached, ...filenamesOf(printed, imprint) };
  }
}

/** Checked here, before anything is queued, so a version that cannot print is a 422 now rather than a failed job later. */
function assertPrintable(printed: PrintedVersion, imprint: PrintImprint): void {
  try {
    assemblePrintable(printed.kind, printed.version.content, imprint);
  } catch (error) {
    if (error instanceof UnprintableContentError) throw DocumentNotPrintableError.content(error);
    throw error;
  }
}

function numberOf(imprint: PrintImprint): string | null {
  if (imprint.kind === 'MEMO') return imprint.documentNumber;
  if (imprint.kind === 'REPORT') return null;
  return imprint.number === null ? null : `${toThaiDigits(imprint.number)}/${toThaiDigits(imprint.yearBE ?? '')}`;
}

/** Without a number a version is a draft, except a signed announcement no register numbers (`ประกาศ ฉบับที่ ๑.pdf`). */
function isDraft(imprint: PrintImprint): boolean {
  if (imprint.kind === 'REPORT') return imprint.approval === null;
  return !(imprint.kind === 'ANNOUNCEMENT' && !imprint.numbered && imprint.signer !== null);
}

/** `บันทึกข้อความ ที่ ชร ๗๓๕๐๑-๑๖๕๖.pdf`, or `ร่างบันทึกข้อความ ฉบับที่ ๒.pdf` before the number; an ASCII name for old clients. */
function filenamesOf(printed: PrintedVersion, imprint: PrintImprint): { filename: string; asciiFilename: string } {
  const number = numberOf(imprint);
  const kind = KIND_TH[printed.kind];
  const filename = number ? `${kind} ที่ ${number.replaceAll('/', '-')}.pdf` : `${isDraft(imprint) ? 'ร่าง' : ''}${kind} ฉบับที่ ${toThaiDigits(printed.version.versionNo)}.pdf`;
  return { filename, asciiFilename: `${printed.kind.toLowerCase()}-${printed.documentId}-v${printed.version.versionNo}.pdf` };
}
