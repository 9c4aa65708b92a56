import { decodeCursor, encodeCursor, type TimeIdPosition, isTimeIdPosition } from '../http/page-cursor';
import { printedName } from '../identity/printed-name';
import { Injectable } from '@nestjs/common';
import type { Prisma } from '@prisma/client';
import type { Principal } from '@kasian/auth';
import { PrismaService, SqlTransactions } from '@kasian/database';
import { NotFoundError } from '@kasian/errors';
import { actionableFor, isActiveAt, type RouteEvent, type RouteInstance, waitingOn } from '@kasian/workflow';
import { ActorDirectory } from './actor-directory';
import type { InboxItemDto, InboxPageDto, OutboxPageDto, PageQueryDto, TimelineDto } from './dto/route-queries.dto';

/** The document's route and version events in chain order (index on office, target type and id). */
const TIMELINE_EVENTS = `
  SELECT action, payload FROM audit_events
   WHERE office_id = $1::uuid AND target_type = 'document' AND target_id = $2
     AND (action LIKE 'route.%' OR action IN ('document.created', 'document.versioned'))
   ORDER BY seq`;

interface Cursor extends TimeIdPosition {
  p?: string;
}

const isCursor = (c: Partial<Cursor>) => isTimeIdPosition(c) && (c.p === undefined || typeof c.p === 'string');

/** Read side of routing: the inbox, the outbox and a document's route timeline. */
@Injectable()
export class RouteQueries {
  constructor(
    private readonly prisma: PrismaService,
    private readonly sql: SqlTransactions,
    private readonly directory: ActorDirectory,
  ) {}

  /** What the caller must act on now, directly, as รักษาราชการแทน or through ปฏิบัติราชการแทน. */
  async inbox(principal: Principal, page: PageQueryDto): Promise<InboxPageDto> {
    const now = new Date();
    const at = now.toISOString();
    const known = await this.directory.load(this.sql, principal, now);
    const delegated = known.actor.delegations.filter((d) => isActiveAt(d.startsAt, d.endsAt, at)).map((d) => d.principalPositionId);
    const positions = [...new Set([...known.activePositionIds, ...delegated])];
    const limit = page.limit ?? 20;
    const direction = page.sort === 'newest' ? 'desc' : 'asc';
    let cursor = decodeCursor<Cursor>(page.cursor, isCursor);
    const items: InboxItemDto[] = [];
    let exhausted = false;
    while (items.length < limit && !exhausted) {
      const rows = await this.prisma.routeWaiting.findMany({
        where: { officeId: known.officeId, positionId: { in: positions }, ...(cursor ? keysetAfter(cursor, direction) : {}) },
        orderBy: [{ since: direction }, { instanceId: direction }, { positionId: direction }],
        take: limit * 2,
        include: { instance: { include: { document: true } } },
      });
      exhausted = rows.length < limit * 2;
      for (const row of rows) {
        cursor = { t: row.since.toISOString(), id: row.instanceId, p: row.positionId };
        const state = row.instance.state as unknown as RouteInstance;
        const option = actionableFor(state, known.actor, at).find((o) => o.authority.onBehalfOfPositionId === row.positionId);
        if (!option) continue;
        const step = state.template.steps[option.stepIndex];
        items.push({
          documentId: row.instance.documentId,
          title: row.instance.document.title,
          kind: row.instance.document.kind,
          senderTh: row.instance.document.drafterPersonId,
          stepKey: step.key,
          stepTitle: step.title,
          onBehalfOf: { id: row.positionId, titleTh: '' },
          capacity: option.authority.capacity,
          orderRef: option.authority.orderRef,
          words: option.words.map((w) => w.word),
          mayReturn: option.mayReturn,
          waitingSince: row.since.toISOString(),
          dueAt: null,
          routeVersion: state.version,
        });
        if (items.length === limit) break;
      }
    }
    await this.nameThings(items);
    return { items, nextCursor: items.length === limit && cursor ? encodeCursor(cursor) : null };
  }

  /** What the caller drafted and where each stands, most recently changed first by default. */
  async outbox(principal: Principal, page: PageQueryDto): Promise<OutboxPageDto> {
    const known = await this.directory.load(this.sql, principal, new Date());
    const limit = page.limit ?? 20;
    const direction = page.sort === 'oldest' ? 'asc' : 'desc';
    const cursor = decodeCursor<Cursor>(page.cursor, isCursor);
    const routes = await this.prisma.routeInstance.findMany({
      where: {
        officeId: known.officeId,
        document: { drafterPersonId: known.person.id },
        ...(cursor ? (keysetAfter(cursor, direction, 'updatedAt', 'id') as Prisma.RouteInstanceWhereInput) : {}),
      },
      orderBy: [{ updatedAt: direction }, { id: direction }],
      take: limit,
      include: { document: true },
    });
    const states = routes.map((route) => route.state as unknown as RouteInstance);
    const titles = await this.positionTitles(states.flatMap((state) => waitingOn(state)));
    const items = routes.map((route, i) => {
      const state = states[i];
      const current = state.currentStep === null ? null : state.template.steps[state.currentStep];
      return {
        documentId: route.documentId,
        title: route.document.title,
        kind: route.document.kind,
        status: state.status,
        currentStepTitle: current?.title ?? null,
        waitingOn: waitingOn(state).map((id) => ({ id, titleTh: titles.get(id) ?? '' })),
        updatedAt: route.updatedAt.toISOString(),
      };
    });
    const last = routes.at(-1);
    return { items, nextCursor: routes.length === limit && last ? encodeCursor({ t: last.updatedAt.toISOString(), id: last.id }) : null };
  }

  /**
   * Every action on the document's route, oldest first, read from the audit trail: the `route.*`
   * events carry the whole workflow event, and the document's `document.*` events give each
   * version's number (ADR 0014). One indexed read of the document's events.
   */
  async timeline(principal: Principal, documentId: string): Promise<TimelineDto> {
    const known = await this.directory.load(this.sql, principal, new Date());
    const route = await this.prisma.routeInstance.findFirst({ where: { officeId: known.officeId, documentId }, include: { document: true } });
    if (!route) throw new NotFoundError('Document', 'เอกสาร', documentId);
    const state = route.state as unknown as RouteInstance;
    const audited = await this.sql.query<{ action: string; payload: Record<string, unknown> }>(TIMELINE_EVENTS, [known.officeId, documentId], 'route.timeline-events');
    const events = audited.filter((e) => e.action.startsWith('route.')).map((e) => e.payload as unknown as RouteEvent);
    const versionNos = new Map(audited.filter((e) => e.action.startsWith('document.')).map((e) => [e.payload.versionId as string, e.payload.versionNo as number]));
    const people = await this.personNames(events.map((e) => e.actorPersonId));
    const titles = await this.positionTitles(events.flatMap((e) => [e.actingPositionId, e.onBehalfOfPositionId].filter((id): id is string => !!id)));
    const position = (id: string | null) => (id ? { id, titleTh: titles.get(id) ?? '' } : null);
    const holders = await this.holdersAt(events.filter((e) => e.capacity && e.capacity !== 'HOLDER'));
    return {
      documentId,
      title: route.document.title,
      status: state.status,
      entries: events.map((e) => ({
        version: e.version,
        type: e.type,
        at: e.at,
        round: e.round,
        stepKey: e.stepKey,
        stepTitle: e.stepKey ? (state.template.steps.find((s) => s.key === e.stepKey)?.title ?? null) : null,
        actorNameTh: people.get(e.actorPersonId) ?? '',
        actingPosition: position(e.actingPositionId),
        onBehalfOf: position(e.onBehalfOfPositionId),
        onBehalfOfHolderNameTh: holders.get(e.version) ?? null,
        capacity: e.capacity,
        orderRef: e.orderRef,
        word: e.word,
        comment: e.comment,
        reason: e.reason,
        returnedTo: e.returnedTo,
        documentVersionId: e.documentVersionId,
        documentVersionNo: versionNos.get(e.documentVersionId) ?? null,
        documentHash: e.documentHash,
        signature: e.signature,
      })),
    };
  }

  /** For acts done for someone else: who held the addressed post (ดำรงตำแหน่ง) at that moment. */
  private async holdersAt(events: RouteEvent[]): Promise<Map<number, string>> {
    const found = new Map<number, string>();
    for (const e of events) {
      const at = new Date(e.at);
      const holder = await this.prisma.positionAssignment.findFirst({
        where: { positionId: e.onBehalfOfPositionId!, capacity: 'SUBSTANTIVE', startsAt: { lte: at }, OR: [{ endsAt: null }, { endsAt: { gt: at } }] },
        include: { person: true },
      });
      if (holder) found.set(e.version, printedName(holder.person));
    }
    return found;
  }

  private async nameThings(items: InboxItemDto[]): Promise<void> {
    const people = await this.personNames(items.map((i) => i.senderTh));
    const titles = await this.positionTitles(items.map((i) => i.onBehalfOf.id));
    for (const item of items) {
      item.senderTh = people.get(item.senderTh) ?? '';
      item.onBehalfOf.titleTh = titles.get(item.onBehalfOf.id) ?? '';
    }
  }

  private async personNames(ids: string[]): Promise<Map<string, string>> {
    const people = await this.prisma.person.findMany({ where: { id: { in: [...new Set(ids)] } } });
    return new Map(people.map((p) => [p.id, printedName(p)]));
  }

  private async positionTitles(ids: string[]): Promise<Map<string, string>> {
    const positions = await this.prisma.position.findMany({ where: { id: { in: [...new Set(ids)] } } });
    return new Map(positions.map((p) => [p.id, p.titleTh]));
  }
}

/** Rows strictly after the cursor in the given order (keyset pagination). */
function keysetAfter(cursor: Cursor, direction: 'asc' | 'desc', time = 'since', id = 'instanceId') {
  const beyond = direction === 'asc' ? 'gt' : 'lt';
  const t = new Date(cursor.t);
  const after: Record<string, unknown>[] = [{ [time]: { [beyond]: t } }, { [time]: t, [id]: { [beyond]: cursor.id } }];
  if (cursor.p) after.push({ [time]: t, [id]: cursor.id, positionId: { [beyond]: cursor.p } });
  return { OR: after };
}
