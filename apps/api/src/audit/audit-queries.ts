import { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { AuditTrails } from '@kasian/audit';
import type { Principal } from '@kasian/auth';
import { SqlTransactions } from '@kasian/database';
import { NotFoundError } from '@kasian/errors';
import { CallerOffices } from '../identity/caller-offices';
import type { AuditAlertDto, VerificationDto } from './dto/audit.dto';

/** What an auditor reads of their office's trail: its verification, its export and its alerts. */
@Injectable()
export class AuditQueries {
  constructor(
    private readonly trails: AuditTrails,
    private readonly offices: CallerOffices,
    private readonly sql: SqlTransactions,
  ) {}

  async verification(principal: Principal): Promise<VerificationDto> {
    const office = (await this.trails.office((await this.offices.of(principal)).officeId))!;
    const result = await this.trails.verifyOffice(office.id);
    const { officeId: _id, ...rest } = result;
    return { officeId: office.id, officeCode: office.code, ...rest, verifiedAt: new Date().toISOString() };
  }

  /** One file of the export: the trail is streamed from the database a page at a time. */
  async file(principal: Principal, name: string, documentId?: string): Promise<{ filename: string; content: Readable }> {
    const { officeId } = await this.offices.of(principal);
    if (documentId) await this.requireDocument(officeId, documentId);
    const exported = await this.trails.export({ officeId, documentId });
    const file = exported.files.find((f) => f.name === name)!;
    const scope = documentId ? `document-${documentId}` : exported.header.officeCode;
    return { filename: `audit-${scope}-${file.name}`, content: Buffer.isBuffer(file.content) ? Readable.from([file.content]) : file.content };
  }

  async alerts(principal: Principal): Promise<AuditAlertDto[]> {
    const { officeId } = await this.offices.of(principal);
    const rows = await this.sql.query<{ position: string; kind: string; message: string; details: Record<string, unknown>; detected_at: Date; resolved_at: Date | null }>(
      `SELECT position, kind, message, details, detected_at, resolved_at FROM audit_alerts WHERE office_id = $1::uuid ORDER BY detected_at DESC, id DESC LIMIT 200`,
      [officeId],
      'audit.alerts-of-office',
    );
    return rows.map((row) => ({
      position: Number(row.position),
      kind: row.kind,
      message: row.message,
      details: row.details,
      detectedAt: row.detected_at.toISOString(),
      resolvedAt: row.resolved_at?.toISOString() ?? null,
    }));
  }

  private async requireDocument(officeId: string, documentId: string): Promise<void> {
    const found = await this.sql.query(`SELECT 1 FROM documents WHERE id = $1::uuid AND office_id = $2::uuid`, [documentId, officeId], 'audit.document-of-office');
    if (!found.length) throw new NotFoundError('Document', 'เอกสาร', documentId);
  }
}
