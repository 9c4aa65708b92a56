import { decodeCursor, encodeCursor, isTimeIdPosition, type TimeIdPosition } from '../http/page-cursor';
import { printedName } from '../identity/printed-name';
import { Injectable } from '@nestjs/common';
import type { Principal } from '@kasian/auth';
import { PrismaService } from '@kasian/database';
import { NotFoundError } from '@kasian/errors';
import { CallerOffices } from '../identity/caller-offices';
import type { DocumentDto, DocumentListQueryDto, DocumentPageDto, VersionDiffDto, VersionDto } from './dto/documents.dto';
import { diffContent } from './version-diff';

/** Read side of documents: list and Thai search, one document, its versions, and what changed between two. */
@Injectable()
export class DocumentsQueries {
  constructor(
    private readonly prisma: PrismaService,
    private readonly offices: CallerOffices,
  ) {}

  async list(principal: Principal, query: DocumentListQueryDto): Promise<DocumentPageDto> {
    const officeId = await this.officeOf(principal);
    const limit = query.limit ?? 20;
    const cursor = decodeCursor<TimeIdPosition>(query.cursor, isTimeIdPosition);
    const rows = await this.prisma.document.findMany({
      where: {
        officeId,
        ...(query.kind ? { kind: query.kind as never } : {}),
        ...(query.q ? { searchText: { contains: query.q.normalize('NFC'), mode: 'insensitive' } } : {}),
        ...(cursor ? { OR: [{ updatedAt: { lt: new Date(cursor.t) } }, { updatedAt: new Date(cursor.t), id: { lt: cursor.id } }] } : {}),
      },
      orderBy: [{ updatedAt: 'desc' }, { id: 'desc' }],
      take: limit,
      include: { route: { select: { status: true } } },
    });
    const last = rows.at(-1);
    return {
      items: rows.map((row) => ({
        id: row.id,
        kind: row.kind,
        title: row.title,
        currentVersionNo: row.currentVersionNo,
        routeStatus: row.route?.status ?? null,
        updatedAt: row.updatedAt.toISOString(),
      })),
      nextCursor: rows.length === limit && last ? encodeCursor({ t: last.updatedAt.toISOString(), id: last.id }) : null,
    };
  }

  async get(principal: Principal, documentId: string): Promise<DocumentDto> {
    const document = await this.document(principal, documentId);
    const current = await this.version(principal, documentId, document.currentVersionNo);
    return {
      id: document.id,
      kind: document.kind,
      title: document.title,
      currentVersionNo: document.currentVersionNo,
      routeStatus: document.route?.status ?? null,
      updatedAt: document.updatedAt.toISOString(),
      currentVersion: current,
    };
  }

  async versions(principal: Principal, documentId: string): Promise<VersionDto[]> {
    await this.document(principal, documentId);
    const rows = await this.prisma.documentVersion.findMany({ where: { documentId }, orderBy: { versionNo: 'asc' } });
    const names = await this.names(rows.map((row) => row.createdByPersonId));
    return rows.map((row) => ({ id: row.id, versionNo: row.versionNo, contentHash: row.contentHash, createdAt: row.createdAt.toISOString(), createdByTh: names.get(row.createdByPersonId) ?? '' }));
  }

  async version(principal: Principal, documentId: string, versionNo: number): Promise<VersionDto> {
    await this.document(principal, documentId);
    const row = await this.prisma.documentVersion.findUnique({ where: { documentId_versionNo: { documentId, versionNo } } });
    if (!row) throw new NotFoundError('Document version', 'ฉบับของเอกสาร', `${documentId}@${versionNo}`);
    const names = await this.names([row.createdByPersonId]);
    return {
      id: row.id,
      versionNo: row.versionNo,
      contentHash: row.contentHash,
      createdAt: row.createdAt.toISOString(),
      createdByTh: names.get(row.createdByPersonId) ?? '',
      content: row.content as Record<string, unknown>,
    };
  }

  async diff(principal: Principal, documentId: string, from: number, to: number): Promise<VersionDiffDto> {
    const [before, after] = await Promise.all([this.version(principal, documentId, from), this.version(principal, documentId, to)]);
    return { from, to, changes: diffContent(before.content, after.content) };
  }

  private async document(principal: Principal, documentId: string) {
    const officeId = await this.officeOf(principal);
    const document = await this.prisma.document.findFirst({ where: { id: documentId, officeId }, include: { route: { select: { status: true } } } });
    if (!document) throw new NotFoundError('Document', 'เอกสาร', documentId);
    return document;
  }

  private async officeOf(principal: Principal): Promise<string> {
    return (await this.offices.of(principal)).officeId;
  }

  private async names(ids: string[]): Promise<Map<string, string>> {
    const people = await this.prisma.person.findMany({ where: { id: { in: [...new Set(ids)] } } });
    return new Map(people.map((p) => [p.id, printedName(p)]));
  }
}
