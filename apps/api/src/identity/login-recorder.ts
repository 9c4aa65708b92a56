import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import type { Observable } from 'rxjs';
import { from, switchMap } from 'rxjs';
import { AuditPort } from '@kasian/audit';
import type { Principal } from '@kasian/auth';
import { SqlTransactions } from '@kasian/database';

/** Sessions this process has already recorded, so later requests pay nothing; bounded, oldest dropped first. */
const REMEMBERED = 50_000;

/**
 * The session of the caller is noted once (`api_sessions`, first writer wins), and that first note
 * appends `identity.login` in the same transaction. Office: the caller's person's, else the office
 * named in the token. A caller of no known office is not recorded: there is no chain to put it in.
 */
const NOTE_SESSION = `
  WITH who AS (
    SELECT p.office_id, p.id AS person_id FROM people p WHERE p.subject = $1
    UNION ALL
    SELECT o.id, NULL FROM offices o WHERE o.code = $2 AND NOT EXISTS (SELECT 1 FROM people WHERE subject = $1)
    LIMIT 1
  )
  INSERT INTO api_sessions (office_id, session_key, subject, person_id)
  SELECT office_id, $3, $1, person_id FROM who
  ON CONFLICT (office_id, session_key) DO NOTHING
  RETURNING office_id AS "officeId", person_id AS "personId", first_seen_at AS "firstSeenAt"`;

/**
 * Logins as the API sees them: the first request of each sign-in session (the token's `sid`, or
 * its `jti` when it has none) that passed authentication and authorisation appends one
 * `identity.login` event to the caller's office chain. Refused requests record nothing.
 */
@Injectable()
export class LoginRecorder implements NestInterceptor {
  private readonly seen = new Set<string>();

  constructor(
    private readonly sql: SqlTransactions,
    private readonly audit: AuditPort,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<{ principal?: Principal; id?: string }>();
    const principal = request.principal;
    const session = principal && (principal.sessionId ?? principal.tokenId);
    if (!principal || !session || this.seen.has(`${principal.subject}:${session}`)) return next.handle();
    return from(this.record(principal, session, request.id)).pipe(switchMap(() => next.handle()));
  }

  async record(principal: Principal, session: string, requestId?: string): Promise<void> {
    await this.sql.run(async (sql) => {
      const [noted] = await sql.query<{ officeId: string; personId: string | null; firstSeenAt: Date }>(NOTE_SESSION, [principal.subject, principal.officeCode, session], 'identity.note-session');
      if (!noted) return;
      await this.audit.append(sql, {
        officeId: noted.officeId,
        action: 'identity.login',
        actor: { subject: principal.subject, personId: noted.personId, positionId: null, onBehalfOfPositionId: null, orderRef: null },
        target: { type: 'session', id: session },
        requestId: requestId ?? null,
        occurredAt: new Date(noted.firstSeenAt),
        payload: { username: principal.username, roles: [...principal.roles].sort(), tokenId: principal.tokenId, tokenExpiresAt: principal.expiresAt.toISOString() },
      });
    });
    this.remember(`${principal.subject}:${session}`);
  }

  private remember(key: string): void {
    if (this.seen.size >= REMEMBERED) this.seen.delete(this.seen.values().next().value!);
    this.seen.add(key);
  }
}
