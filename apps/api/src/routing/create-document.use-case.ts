import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { SqlExecutor } from '@kasian/database';
import { createRoute, type RouteTemplate } from '@kasian/workflow';
import type { CallerContext } from '../idempotency/caller.decorator';
import { DocumentVersions } from '../documents/document-versions.service';
import { IdempotencyService } from '../idempotency/idempotency.service';
import { bindRegister } from '../registry/register-binding';
import { ActorDirectory } from './actor-directory';
import { routingFields } from './document-content';
import type { CreateDocumentDto, CreatedDocumentDto } from './dto/create-document.dto';
import { RouteRepository } from './route.repository';
import { RouteActionsService } from './route-actions.service';
import { NoDrafterPositionError, NoRouteTemplateError, RouteActionRefusedError } from './routing.errors';

/** CreateDocument: a draft (version 1) and its route, on the office's newest template for the kind. */
@Injectable()
export class CreateDocument {
  constructor(
    private readonly idempotency: IdempotencyService,
    private readonly directory: ActorDirectory,
    private readonly routes: RouteRepository,
    private readonly actions: RouteActionsService,
    private readonly documents: DocumentVersions,
  ) {}

  async execute(caller: CallerContext, input: CreateDocumentDto) {
    const officeId = await this.actions.officeOf(caller.principal);
    const scope = { officeId, subject: caller.principal.subject, key: caller.idempotencyKey, operation: 'create-document', request: input };
    return this.idempotency.runSql<CreatedDocumentDto>(scope, async (sql) => ({ status: 201, body: await this.inTransaction(sql, officeId, caller, input) }));
  }

  /** The same inside a caller's transaction (the ITA report is created with its own record, ADR 0013). */
  async inTransaction(sql: SqlExecutor, officeId: string, { principal, requestId }: CallerContext, input: CreateDocumentDto): Promise<CreatedDocumentDto> {
    const now = new Date();
    const known = await this.directory.load(sql, principal, now);
    const positionId = drafterPosition(known.activePositionIds, input.positionId);
    const template = await newestTemplate(sql, officeId, input.kind);
    if (!template) throw new NoRouteTemplateError(input.kind);

    const documentId = randomUUID();
    const drafter = { personId: known.person.id, positionId };
    const registerId = await bindRegister(sql, officeId, documentId, input.kind, input.registerId);
    const document = { id: documentId, officeId, kind: input.kind, title: input.title, content: input.content, drafter, registerId };
    const version = await this.documents.create(sql, document, principal, requestId);
    const created = createRoute({
      instanceId: randomUUID(),
      documentId,
      template: { ...(template.definition as unknown as RouteTemplate), id: template.id, version: template.version, officeId },
      drafter,
      document: { versionId: version.id, hash: version.contentHash, fields: routingFields(version.content) },
      at: now.toISOString(),
    });
    if (!created.ok) throw new RouteActionRefusedError(created.error);
    await this.routes.insert(sql, created.state, template.id, created.event);
    await this.actions.appendAudit(sql, created.event, { principal, requestId });
    return { documentId, routeId: created.state.id, documentVersionNo: 1, contentHash: version.contentHash };
  }
}

interface TemplateRow {
  id: string;
  version: number;
  definition: unknown;
}

async function newestTemplate(sql: SqlExecutor, officeId: string, kind: string): Promise<TemplateRow | undefined> {
  const [template] = await sql.query<TemplateRow>(
    `SELECT id, version, definition FROM route_templates WHERE office_id = $1::uuid AND document_kind = $2 ORDER BY version DESC LIMIT 1`,
    [officeId, kind],
    'template.newest',
  );
  return template;
}

function drafterPosition(held: string[], requested: string | undefined): string {
  if (requested && held.includes(requested)) return requested;
  if (!requested && held.length === 1) return held[0];
  throw new NoDrafterPositionError(held);
}
