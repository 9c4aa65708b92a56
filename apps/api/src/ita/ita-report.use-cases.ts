import { Injectable, type OnModuleInit } from '@nestjs/common';
import { AuditPort } from '@kasian/audit';
import { PrismaService, type SqlExecutor } from '@kasian/database';
import type { ColumnDef } from '@kasian/ita';
import { toThaiDigits } from '@kasian/thai';
import type { RouteEvent } from '@kasian/workflow';
import type { CallerContext } from '../idempotency/caller.decorator';
import { IdempotencyService } from '../idempotency/idempotency.service';
import { CallerOffices } from '../identity/caller-offices';
import { CreateDocument } from '../routing/create-document.use-case';
import { ReviseDraft } from '../routing/revise-draft.use-case';
import { RouteEventHooks } from '../routing/route-event-hooks';
import { auditActor } from '../registry/registry-caller';
import { type ItaCaller, itaCaller } from './ita-caller';
import { ItaConflictError, ItaNotFoundError } from './ita.errors';
import { reportContent } from './report-content';

export interface GeneratedReport {
  reportId: string;
  documentId: string;
  versionNo: number;
  contentHash: string;
  regenerated: boolean;
}

interface OpenReport {
  id: string;
  documentId: string;
  published: boolean;
  routeStatus: string;
}

/**
 * The ITA report as a REPORT document: generated from the office's measures and routed like a
 * memo. The 000 rule: when the route completes (the executive approves with a positive word) the
 * report is signed and marked published in the same transaction; when the executive does not
 * approve, the document goes back to the drafter (ส่งคืนแก้ไข) and is regenerated and resubmitted.
 */
@Injectable()
export class ItaReports implements OnModuleInit {
  constructor(
    private readonly prisma: PrismaService,
    private readonly idempotency: IdempotencyService,
    private readonly audit: AuditPort,
    private readonly offices: CallerOffices,
    private readonly createDocument: CreateDocument,
    private readonly reviseDraft: ReviseDraft,
    private readonly hooks: RouteEventHooks,
  ) {}

  onModuleInit(): void {
    this.hooks.on('REPORT', (sql, event, request) => this.onRouteEvent(sql, event, request.principal.subject, request.requestId));
  }

  async generate(context: CallerContext, fiscalYear: number) {
    const caller = await itaCaller(this.offices, context);
    const content = await this.contentOf(caller, fiscalYear);
    const title = `${content.report.title} ประจำปีงบประมาณ พ.ศ. ${toThaiDigits(fiscalYear)}`;
    const scope = { officeId: caller.officeId, subject: caller.subject, key: context.idempotencyKey, operation: 'POST /ita/:fiscalYear/report', request: { fiscalYear } };
    return this.idempotency.runSql<GeneratedReport>(scope, async (sql) => {
      const planId = content.planId;
      const open = await latestReport(sql, caller.officeId, planId);
      if (open && (open.published || open.routeStatus === 'IN_ROUTE' || open.routeStatus === 'COMPLETED')) {
        throw new ItaConflictError('ITA_REPORT_IN_ROUTE', `The report is ${open.published ? 'published' : 'in its route'}; it cannot be regenerated now.`, open.published ? 'รายงานได้รับความเห็นชอบและเผยแพร่แล้ว' : 'รายงานอยู่ระหว่างเสนอ ยังสร้างใหม่ไม่ได้', { reportId: open.id, documentId: open.documentId, routeStatus: open.routeStatus });
      }
      if (open && (open.routeStatus === 'DRAFT' || open.routeStatus === 'RETURNED')) {
        const revised = await this.reviseDraft.inTransaction(sql, caller.officeId, context, open.documentId, { content: content.report as unknown as Record<string, unknown> });
        await this.record(sql, caller, context, 'ita.report_regenerated', open.id, { fiscalYear, documentId: open.documentId, versionNo: revised.versionNo, contentHash: revised.contentHash });
        return { status: 200, body: { reportId: open.id, documentId: open.documentId, versionNo: revised.versionNo, contentHash: revised.contentHash, regenerated: true } };
      }
      const created = await this.createDocument.inTransaction(sql, caller.officeId, context, { kind: 'REPORT', title, content: content.report as unknown as Record<string, unknown> });
      const [report] = await sql.query<{ id: string }>(
        `INSERT INTO ita_reports (id, office_id, plan_id, fiscal_year, document_id) VALUES (gen_random_uuid(), $1::uuid, $2::uuid, $3::int, $4::uuid) RETURNING id`,
        [caller.officeId, planId, fiscalYear, created.documentId],
      );
      await this.record(sql, caller, context, 'ita.report_generated', report.id, { fiscalYear, documentId: created.documentId, contentHash: created.contentHash });
      return { status: 201, body: { reportId: report.id, documentId: created.documentId, versionNo: 1, contentHash: created.contentHash, regenerated: false } };
    });
  }

  private async contentOf(caller: ItaCaller, fiscalYear: number) {
    const plan = await this.prisma.itaPlan.findUnique({ where: { officeId_fiscalYear: { officeId: caller.officeId, fiscalYear } }, include: { measures: { orderBy: { ordinal: 'asc' } } } });
    if (!plan) throw new ItaNotFoundError('The measures plan of this fiscal year', 'มาตรการของปีงบประมาณนี้', { fiscalYear });
    const [office, overall] = await Promise.all([
      this.prisma.office.findUniqueOrThrow({ where: { id: caller.officeId } }),
      this.prisma.itaScore.findUnique({ where: { officeId_fiscalYear_scope_code: { officeId: caller.officeId, fiscalYear, scope: 'OVERALL', code: '' } } }),
    ]);
    return { planId: plan.id, report: reportContent(office, fiscalYear, plan.columns as unknown as ColumnDef[], plan.measures, overall) };
  }

  /** Runs inside the route action's transaction (RouteEventHooks): publication is recorded with the approval. */
  private async onRouteEvent(sql: SqlExecutor, event: RouteEvent, subject: string, requestId?: string): Promise<void> {
    if (event.status !== 'COMPLETED') return;
    const [published] = await sql.query<{ id: string; fiscalYear: number }>(
      `UPDATE ita_reports SET published_at = $3::timestamptz, published_signature = $4::jsonb
        WHERE document_id = $1::uuid AND office_id = $2::uuid AND published_at IS NULL RETURNING id, fiscal_year AS "fiscalYear"`,
      [event.documentId, event.officeId, event.at, JSON.stringify(event.signature)],
      'ita.report-publish',
    );
    if (!published) return;
    await this.audit.append(sql, {
      officeId: event.officeId,
      action: 'ita.report_published',
      actor: { subject, personId: event.actorPersonId, positionId: event.actingPositionId, onBehalfOfPositionId: event.onBehalfOfPositionId, orderRef: event.orderRef },
      target: { type: 'ita_report', id: published.id },
      versionHash: event.documentHash,
      requestId: requestId ?? null,
      occurredAt: new Date(event.at),
      payload: { fiscalYear: published.fiscalYear, documentId: event.documentId, word: event.word, signature: event.signature },
    });
  }

  private async record(sql: SqlExecutor, caller: ItaCaller, context: CallerContext, action: string, reportId: string, payload: Record<string, unknown>): Promise<void> {
    await this.audit.append(sql, { officeId: caller.officeId, action, actor: auditActor(caller), target: { type: 'ita_report', id: reportId }, requestId: context.requestId ?? null, occurredAt: new Date(), payload });
  }
}

async function latestReport(sql: SqlExecutor, officeId: string, planId: string): Promise<OpenReport | undefined> {
  const [row] = await sql.query<OpenReport>(
    `SELECT r.id, r.document_id AS "documentId", r.published_at IS NOT NULL AS published, ri.status AS "routeStatus"
       FROM ita_reports r JOIN route_instances ri ON ri.document_id = r.document_id AND ri.office_id = r.office_id
      WHERE r.office_id = $1::uuid AND r.plan_id = $2::uuid
      ORDER BY r.created_at DESC LIMIT 1 FOR UPDATE OF r`,
    [officeId, planId],
  );
  return row;
}
