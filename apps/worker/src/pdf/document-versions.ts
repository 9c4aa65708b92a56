import type { PrismaService } from '@kasian/database';
import type { RenderPdfPayload } from '@kasian/jobs';
import { UnprintableError } from './unprintable.error';

/** Where the worker reads the content of the version it prints. */
export interface DocumentVersionSource {
  content(payload: RenderPdfPayload): Promise<unknown>;
}

/** The `document_versions` row, checked against the job: same office, document, kind and hash. */
export class PrismaDocumentVersions implements DocumentVersionSource {
  constructor(private readonly prisma: Pick<PrismaService, 'documentVersion'>) {}

  async content({ officeId, documentId, versionId, contentHash, kind }: RenderPdfPayload): Promise<unknown> {
    const row = await this.prisma.documentVersion.findFirst({
      where: { id: versionId, officeId, documentId },
      select: { content: true, contentHash: true, document: { select: { kind: true } } },
    });
    if (!row) throw new UnprintableError(`version ${versionId} of document ${documentId} does not exist in office ${officeId}`);
    if (row.contentHash !== contentHash) throw new UnprintableError(`version ${versionId} has content hash ${row.contentHash}, not ${contentHash}`);
    if (row.document.kind !== kind) throw new UnprintableError(`document ${documentId} is a ${row.document.kind}, not a ${kind}`);
    return row.content;
  }
}
