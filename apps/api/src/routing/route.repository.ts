import { Injectable } from '@nestjs/common';
import { isExpectationFailure, type SqlExecutor } from '@kasian/database';
import { type RouteEvent, type RouteInstance, waitingOn } from '@kasian/workflow';
import { VersionConflictError } from './routing.errors';

export interface LockedRoute {
  id: string;
  version: number;
  state: RouteInstance;
}

/**
 * After the instance row is written (the `written` CTE, $12 on), in the same statement: the event,
 * its outbox message and the inbox index. The index keeps, per route, the addressed positions the
 * open step still waits on and since when: rows of positions no longer waited on go, new ones come
 * in, rows of another step are moved to the open one with its `since`, rows that stay keep theirs.
 */
const RECORD = `
  recorded AS (
    INSERT INTO route_events (office_id, instance_id, version, type, at, event)
    SELECT $1::uuid, $2::uuid, $3::int, $4, $5::timestamptz, $6::jsonb FROM written
  ),
  queued AS (
    INSERT INTO outbox_messages (office_id, topic, payload) SELECT $1::uuid, $7, $8::jsonb FROM written
  ),
  gone AS (
    DELETE FROM route_waiting
     WHERE instance_id = $2::uuid AND position_id <> ALL($9::uuid[]) AND EXISTS (SELECT 1 FROM written)
  ),
  waiting AS (
    INSERT INTO route_waiting (office_id, instance_id, position_id, step_key, since)
    SELECT $1::uuid, $2::uuid, position_id, $10::text, $11::timestamptz FROM written, unnest($9::uuid[]) AS position_id
    ON CONFLICT (instance_id, position_id) DO UPDATE SET step_key = EXCLUDED.step_key, since = EXCLUDED.since
     WHERE route_waiting.step_key IS DISTINCT FROM EXCLUDED.step_key
  )`;

const INSERT = `
  WITH written AS (
    INSERT INTO route_instances (id, office_id, document_id, template_id, template_version, status, version, state, updated_at)
    VALUES ($2::uuid, $1::uuid, $12::uuid, $13::uuid, $14::int, $15::text, $16::int, $17::jsonb, $18::timestamptz)
    RETURNING id
  ),${RECORD}
  SELECT count(*)::int AS written FROM written`;

/** Enqueued (pipelined, ADR 0010), so an instance not at the version read must fail the statement rather than write nothing. */
const SAVE = `
  WITH written AS (
    UPDATE route_instances SET status = $12::text, version = $13::int, state = $14::jsonb, updated_at = $15::timestamptz
     WHERE id = $2::uuid AND version = $16::int
    RETURNING id
  ),${RECORD}
  SELECT kasian_expect(count(*) = 1, 'route instance ' || $2 || ' is no longer at version ' || $16) FROM written`;

/** Route instances, their events, the inbox index and the outbox, always written together, in one statement. */
@Injectable()
export class RouteRepository {
  /**
   * Locks the document's route for the rest of the transaction, so concurrent actions on one
   * route queue and each sees the state the previous one left (different routes never wait).
   */
  async lockByDocument(sql: SqlExecutor, officeId: string, documentId: string): Promise<LockedRoute | null> {
    const rows = await sql.query<LockedRoute>(
      `SELECT id, version, state FROM route_instances WHERE office_id = $1::uuid AND document_id = $2::uuid FOR UPDATE`,
      [officeId, documentId],
      'route.lock',
    );
    return rows[0] ?? null;
  }

  async insert(sql: SqlExecutor, state: RouteInstance, templateId: string, event: RouteEvent): Promise<void> {
    const row = [state.documentId, templateId, state.template.version, state.status, state.version, JSON.stringify(state), new Date(state.updatedAt)];
    await sql.query(INSERT, [...recordValues(state, event), ...row], 'route.insert');
  }

  /** Optimistic check on the version column: a state computed from an older version is refused. */
  async save(sql: SqlExecutor, readVersion: number, state: RouteInstance, event: RouteEvent): Promise<void> {
    const row = [state.status, state.version, JSON.stringify(state), new Date(state.updatedAt), readVersion];
    await sql.enqueue(SAVE, [...recordValues(state, event), ...row], 'route.save', (error) =>
      isExpectationFailure(error) ? new VersionConflictError(readVersion, state.version - 1) : error,
    );
  }
}

function recordValues(state: RouteInstance, event: RouteEvent): unknown[] {
  const stillWaiting = waitingOn(state);
  const step = state.currentStep === null ? null : state.steps[state.currentStep];
  const outbox = { instanceId: state.id, documentId: state.documentId, version: event.version, status: state.status, waitingOn: stillWaiting };
  const topic = `route.${event.type.toLowerCase()}`;
  return [
    state.officeId,
    state.id,
    event.version,
    event.type,
    new Date(event.at),
    JSON.stringify(event),
    topic,
    JSON.stringify(outbox),
    stillWaiting,
    step?.key ?? null,
    new Date(step?.openedAt ?? event.at),
  ];
}
