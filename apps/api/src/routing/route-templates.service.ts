import { Injectable } from '@nestjs/common';
import { AuditPort } from '@kasian/audit';
import type { Principal } from '@kasian/auth';
import type { CallerContext } from '../idempotency/caller.decorator';
import { IdempotencyService } from '../idempotency/idempotency.service';
import { PrismaService } from '@kasian/database';
import { ValidationFailedError } from '@kasian/errors';
import { type RouteTemplate, validateTemplate } from '@kasian/workflow';
import type { CreateRouteTemplateDto, RouteTemplateDto } from './dto/route-template.dto';
import { RouteActionsService } from './route-actions.service';

/** Route templates are versioned per office and document kind; running routes keep the version they started on. */
@Injectable()
export class RouteTemplatesService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly actions: RouteActionsService,
    private readonly audit: AuditPort,
    private readonly idempotency: IdempotencyService,
  ) {}

  async publish({ principal, idempotencyKey, requestId }: CallerContext, input: CreateRouteTemplateDto) {
    const officeId = await this.actions.officeOf(principal);
    const scope = { officeId, subject: principal.subject, key: idempotencyKey, operation: 'publish-route-template', request: input };
    return this.idempotency.run<RouteTemplateDto>(scope, async (db) => {
      const definition = { documentKind: input.documentKind, name: input.name, steps: input.steps, onResubmit: input.onResubmit };
      const problems = validateTemplate({ ...definition, id: 'new', version: 1, officeId } as unknown as RouteTemplate);
      const positions = await db.position.count({ where: { officeId, id: { in: input.steps.flatMap((s) => s.addressees) } } });
      if (positions !== new Set(input.steps.flatMap((s) => s.addressees)).size) problems.push('every addressee must be a position of your office');
      if (problems.length) throw new ValidationFailedError(problems.map((problem) => ({ field: 'steps', problems: [problem] })));

      const latest = await db.routeTemplate.findFirst({ where: { officeId, documentKind: input.documentKind }, orderBy: { version: 'desc' } });
      const created = await db.routeTemplate.create({
        data: { officeId, documentKind: input.documentKind, version: (latest?.version ?? 0) + 1, name: input.name, definition: JSON.parse(JSON.stringify(definition)) },
      });
      const person = await db.person.findUniqueOrThrow({ where: { subject: principal.subject } });
      await this.audit.append(db, {
        officeId,
        action: 'route_template.published',
        actor: { subject: principal.subject, personId: person.id, positionId: null, onBehalfOfPositionId: null, orderRef: null },
        target: { type: 'route_template', id: created.id },
        requestId: requestId ?? null,
        occurredAt: created.createdAt,
        payload: { documentKind: created.documentKind, version: created.version, definition },
      });
      const body = { id: created.id, documentKind: created.documentKind, version: created.version, name: created.name, steps: input.steps, onResubmit: input.onResubmit };
      return { status: 201, body };
    });
  }

  async list(principal: Principal, documentKind?: string): Promise<RouteTemplateDto[]> {
    const officeId = await this.actions.officeOf(principal);
    const rows = await this.prisma.routeTemplate.findMany({ where: { officeId, ...(documentKind ? { documentKind } : {}) }, orderBy: [{ documentKind: 'asc' }, { version: 'desc' }] });
    return rows.map((row) => {
      const definition = row.definition as unknown as Pick<RouteTemplateDto, 'steps' | 'onResubmit'>;
      return { id: row.id, documentKind: row.documentKind, version: row.version, name: row.name, steps: definition.steps, onResubmit: definition.onResubmit };
    });
  }
}
