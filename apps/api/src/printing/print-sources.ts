import { Injectable } from '@nestjs/common';
import type { Principal } from '@kasian/auth';
import { PrismaService } from '@kasian/database';
import { NotFoundError } from '@kasian/errors';
import { PRINTABLE_KINDS, type PrintableKind } from '@kasian/jobs';
import type { RouteInstance, SignatureSnapshot } from '@kasian/workflow';
import { CallerOffices } from '../identity/caller-offices';
import { signatureBlock } from '../routing/actor-directory';
import type { TimelineEntryDto } from '../routing/dto/route-queries.dto';
import { RouteQueries } from '../routing/route.queries';
import type { ImprintSources } from './imprint';
import { DocumentNotPrintableError } from './printing.errors';

export interface PrintedVersion {
  officeId: string;
  documentId: string;
  kind: PrintableKind;
  /** The register that numbers it (ADR 0011). */
  registerId: string | null;
  version: { id: string; versionNo: number; contentHash: string; content: unknown };
}

/** A decision landing between reading the route and its timeline is caught by comparing versions, and read again. */
const CONSISTENT_READ_ATTEMPTS = 3;

/** Reads what a printed version is made of: the version, the route, its timeline, the register number and the drafter. */
@Injectable()
export class PrintSources {
  constructor(
    private readonly prisma: PrismaService,
    private readonly offices: CallerOffices,
    private readonly routes: RouteQueries,
  ) {}

  /** The version asked for (the latest when `versionNo` is absent) of a document of the caller's office. */
  async version(principal: Principal, documentId: string, versionNo?: number): Promise<PrintedVersion> {
    const { officeId } = await this.offices.of(principal);
    const document = await this.prisma.document.findFirst({ where: { id: documentId, officeId } });
    if (!document) throw new NotFoundError('Document', 'เอกสาร', documentId);
    const kind = PRINTABLE_KINDS.find((k) => k === document.kind);
    if (!kind) throw DocumentNotPrintableError.kind(document.kind);
    const wanted = versionNo ?? document.currentVersionNo;
    const version = await this.prisma.documentVersion.findUnique({ where: { documentId_versionNo: { documentId, versionNo: wanted } } });
    if (!version) throw new NotFoundError('Document version', 'ฉบับของเอกสาร', `${documentId}@${wanted}`);
    const { id, contentHash, content } = version;
    return { officeId, documentId, kind, registerId: document.registerId, version: { id, versionNo: version.versionNo, contentHash, content } };
  }

  async imprintSources(principal: Principal, printed: PrintedVersion): Promise<ImprintSources> {
    const { route, timeline } = await this.routeAndTimeline(principal, printed);
    const [versions, number] = await Promise.all([
      this.prisma.documentVersion.findMany({ where: { documentId: printed.documentId }, select: { id: true, versionNo: true } }),
      printed.registerId
        ? this.prisma.registerEntry.findFirst({
            where: { registerId: printed.registerId, documentId: printed.documentId, status: 'ISSUED' },
            select: { numberText: true, number: true, year: true, issuedAt: true },
          })
        : null,
    ]);
    return {
      kind: printed.kind,
      version: { id: printed.version.id, versionNo: printed.version.versionNo },
      versionNos: new Map(versions.map((v) => [v.id, v.versionNo])),
      route,
      timeline,
      registered: printed.registerId !== null,
      number,
      drafter: await this.drafterSignature(printed.documentId, timeline),
    };
  }

  /** The route's state and its timeline as of the same action (the timeline's last entry is the state's version). */
  private async routeAndTimeline(principal: Principal, printed: PrintedVersion): Promise<{ route: RouteInstance | null; timeline: TimelineEntryDto[] }> {
    for (let attempt = 1; ; attempt++) {
      const row = await this.prisma.routeInstance.findFirst({ where: { officeId: printed.officeId, documentId: printed.documentId }, select: { state: true } });
      if (!row) return { route: null, timeline: [] };
      const route = row.state as unknown as RouteInstance;
      const timeline = (await this.routes.timeline(principal, printed.documentId)).entries;
      if (timeline.at(-1)?.version === route.version || attempt === CONSISTENT_READ_ATTEMPTS) return { route, timeline };
    }
  }

  /** As snapshotted when the drafter submitted; a draft never submitted signs as its drafter would now. */
  private async drafterSignature(documentId: string, timeline: readonly TimelineEntryDto[]): Promise<SignatureSnapshot> {
    const submitted = timeline.findLast((e) => e.type === 'SUBMITTED' && e.signature);
    if (submitted) return submitted.signature as SignatureSnapshot;
    const document = await this.prisma.document.findUniqueOrThrow({ where: { id: documentId }, select: { drafterPersonId: true, drafterPositionId: true, createdAt: true } });
    const [person, position] = await Promise.all([
      this.prisma.person.findUniqueOrThrow({ where: { id: document.drafterPersonId } }),
      this.prisma.position.findUniqueOrThrow({ where: { id: document.drafterPositionId }, include: { unit: true } }),
    ]);
    return signatureBlock(person, { titleTh: position.titleTh, unitName: position.unit?.nameTh ?? null }, null, document.createdAt.toISOString());
  }
}
