import { Injectable, Logger } from '@nestjs/common';
import type { TrailBreak } from '@kasian/audit';
import { SqlTransactions } from '@kasian/database';

export interface OpenAlerts {
  count: number;
  latest: { officeId: string; position: number; kind: string; detectedAt: string } | null;
}

/**
 * A broken trail is logged at error level (`AUDIT_TRAIL_BROKEN`) and kept in `audit_alerts` until an
 * operator resolves it; the worker's /health/ready shows the open ones and auditors see their
 * office's through the API. The same break is recorded once.
 */
@Injectable()
export class AuditAlerts {
  private readonly logger = new Logger(AuditAlerts.name);

  constructor(private readonly sql: SqlTransactions) {}

  async raise(officeId: string, failure: TrailBreak, during: 'checkpoint' | 'self-check'): Promise<void> {
    this.logger.error({ alert: 'AUDIT_TRAIL_BROKEN', officeId, during, position: failure.position, kind: failure.kind, details: failure.details }, failure.message);
    await this.sql.query(
      `INSERT INTO audit_alerts (office_id, position, kind, message, details) VALUES ($1::uuid, $2::bigint, $3, $4, $5::jsonb)
       ON CONFLICT (office_id, position, kind) DO NOTHING`,
      [officeId, failure.position, failure.kind, failure.message, JSON.stringify({ ...failure.details, during, messageTh: failure.messageTh })],
      'audit.alert-raise',
    );
  }

  async open(): Promise<OpenAlerts> {
    const rows = await this.sql.query<{ count: string; office_id: string | null; position: string | null; kind: string | null; detected_at: Date | null }>(
      `SELECT (SELECT count(*) FROM audit_alerts WHERE resolved_at IS NULL) AS count, a.office_id, a.position, a.kind, a.detected_at
         FROM (SELECT 1) one LEFT JOIN LATERAL (SELECT * FROM audit_alerts WHERE resolved_at IS NULL ORDER BY detected_at DESC, id DESC LIMIT 1) a ON true`,
      [],
      'audit.alerts-open',
    );
    const [row] = rows;
    return {
      count: Number(row.count),
      latest: row.office_id ? { officeId: row.office_id, position: Number(row.position), kind: row.kind!, detectedAt: row.detected_at!.toISOString() } : null,
    };
  }
}
