import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { ACTIONS_PER_ROUTE, type PhaseRecord, type Sample } from './workload';

/**
 * The floor: each route action as the smallest correct transaction in plain SQL with `pg`:
 * lock the instance row, check its version, update it, insert the event ("the decision") and the
 * outbox row; optionally also the audit append the API does (chain head bump + audit event).
 * It runs on copies of the real tables (same columns and indexes, no foreign keys) in a schema
 * of the bench database, with the state and event JSON the API wrote, so rows have the same size.
 */
export interface FloorPayloads {
  state: unknown;
  event: unknown;
}

interface FloorRoute {
  officeId: string;
  documentId: string;
  instanceId: string;
  next: number;
}

const TABLES = ['route_instances', 'route_events', 'outbox_messages', 'audit_chain_heads', 'audit_events'];

export async function samplePayloads(pool: pg.Pool): Promise<FloorPayloads> {
  const { rows } = await pool.query(`
    SELECT i.state, e.event FROM route_instances i JOIN route_events e ON e.instance_id = i.id AND e.type = 'DECIDED'
     WHERE i.status = 'COMPLETED' ORDER BY e.version DESC LIMIT 1`);
  if (!rows[0]) throw new Error('no completed route to copy the floor payloads from');
  return { state: rows[0].state, event: rows[0].event };
}

export async function prepareFloor(pool: pg.Pool, officeIds: string[], routesPerOffice: number, payloads: FloorPayloads): Promise<FloorRoute[]> {
  await pool.query('DROP SCHEMA IF EXISTS bench_floor CASCADE; CREATE SCHEMA bench_floor');
  for (const table of TABLES) await pool.query(`CREATE TABLE bench_floor.${table} (LIKE public.${table} INCLUDING ALL)`);
  const routes: FloorRoute[] = [];
  for (let n = 0; n < routesPerOffice; n++) {
    for (const officeId of officeIds) routes.push({ officeId, documentId: randomUUID(), instanceId: randomUUID(), next: 0 });
  }
  await pool.query(
    `INSERT INTO bench_floor.route_instances (id, office_id, document_id, template_id, template_version, status, version, state, updated_at)
     SELECT r.id, r.office_id, r.document_id, gen_random_uuid(), 1, 'DRAFT', 1, $4::jsonb, now()
       FROM unnest($1::uuid[], $2::uuid[], $3::uuid[]) AS r(id, office_id, document_id)`,
    [routes.map((r) => r.instanceId), routes.map((r) => r.officeId), routes.map((r) => r.documentId), JSON.stringify(payloads.state)],
  );
  await pool.query('ANALYZE bench_floor.route_instances');
  return routes;
}

async function floorAction(client: pg.PoolClient, route: FloorRoute, payloads: FloorPayloads, withAudit: boolean): Promise<void> {
  await client.query('BEGIN');
  try {
    const locked = await client.query<{ id: string; version: number; state: unknown }>(
      { name: 'floor-lock', text: 'SELECT id, version, state FROM bench_floor.route_instances WHERE office_id = $1 AND document_id = $2 FOR UPDATE' },
      [route.officeId, route.documentId],
    );
    const { id, version } = locked.rows[0];
    const status = route.next === ACTIONS_PER_ROUTE - 1 ? 'COMPLETED' : 'IN_ROUTE';
    const updated = await client.query(
      { name: 'floor-update', text: 'UPDATE bench_floor.route_instances SET status = $1, version = $2, state = $3::jsonb, updated_at = now() WHERE id = $4 AND version = $5' },
      [status, version + 1, JSON.stringify(payloads.state), id, version],
    );
    if (updated.rowCount !== 1) throw new Error('version conflict');
    const type = route.next === 0 ? 'SUBMITTED' : 'DECIDED';
    await client.query(
      { name: 'floor-event', text: 'INSERT INTO bench_floor.route_events (office_id, instance_id, version, type, at, event) VALUES ($1, $2, $3, $4, now(), $5::jsonb)' },
      [route.officeId, id, version + 1, type, JSON.stringify(payloads.event)],
    );
    await client.query(
      { name: 'floor-outbox', text: 'INSERT INTO bench_floor.outbox_messages (office_id, topic, payload) VALUES ($1, $2, $3::jsonb)' },
      [route.officeId, `route.${type.toLowerCase()}`, JSON.stringify({ instanceId: id, documentId: route.documentId, version: version + 1, status })],
    );
    if (withAudit) await floorAudit(client, route, type, payloads);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
}

/** The API's audit append (ADR 0014): head bump with the chain link computed by PostgreSQL, then the event with its number and hash. */
async function floorAudit(client: pg.PoolClient, route: FloorRoute, type: string, payloads: FloorPayloads): Promise<void> {
  const event = JSON.stringify(payloads.event);
  const head = await client.query<{ last_seq: string; last_hash: Buffer }>(
    {
      name: 'floor-audit-head',
      text: `INSERT INTO bench_floor.audit_chain_heads AS h (office_id, last_seq, last_hash, updated_at)
             VALUES ($1, 1, audit_link(decode(repeat('00', 32), 'hex'), 1, $2, encode(sha256(convert_to($3, 'UTF8')), 'hex')), now())
             ON CONFLICT (office_id) DO UPDATE SET last_seq = h.last_seq + 1,
               last_hash = audit_link(h.last_hash, h.last_seq + 1, $2, encode(sha256(convert_to($3, 'UTF8')), 'hex')), updated_at = now()
             RETURNING last_seq, last_hash`,
    },
    [route.officeId, `{"action":"route.${type.toLowerCase()}","target":"${route.documentId}"}`, event],
  );
  await client.query(
    {
      name: 'floor-audit-event',
      text: `INSERT INTO bench_floor.audit_events (office_id, seq, hash, occurred_at, action, target_type, target_id, payload)
             VALUES ($1, $2, $3, now(), $4, 'document', $5, $6::jsonb)`,
    },
    [route.officeId, head.rows[0].last_seq, head.rows[0].last_hash, `route.${type.toLowerCase()}`, route.documentId, event],
  );
}

/** Same shape as the API's saturated phase: `concurrency` routes in flight, each one's actions in order. */
export async function runFloor(pool: pg.Pool, routes: FloorRoute[], payloads: FloorPayloads, concurrency: number, withAudit: boolean): Promise<PhaseRecord> {
  const queue = routes.map((route) => ({ ...route, next: 0 }));
  const samples: Sample[] = [];
  const worker = async () => {
    for (let route = queue.shift(); route; route = queue.shift()) {
      for (; route.next < ACTIONS_PER_ROUTE; route.next++) {
        const started = performance.now();
        const client = await pool.connect();
        try {
          await floorAction(client, route, payloads, withAudit);
        } finally {
          client.release();
        }
        samples.push({ kind: route.next === 0 ? 'submit' : 'decide', ms: performance.now() - started, status: 200 });
      }
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { samples, seconds: (performance.now() - started) / 1000 };
}
