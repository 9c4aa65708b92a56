import { ChainBuilder, EVENT_COLUMNS, type EventRow, headerOfRow } from '@kasian/audit';
import { canonicalJson } from '@kasian/canonical';
import { SqlTransactions } from '@kasian/database';

/**
 * Events recorded before the hash chain existed (ADR 0014) get their hashes, computed exactly as the
 * append computes them, and the head its last hash: per office, in one transaction with the head
 * row locked. The trigger lets a hash go from NULL to a value once and changes nothing else. Runs
 * as the owner role (the application may not UPDATE audit events), before the api and worker start.
 */
export async function sealOffices(databaseUrl: string): Promise<{ officeId: string; events: number }[]> {
  const sql = new SqlTransactions({ DATABASE_URL: databaseUrl, DATABASE_POOL_SIZE: 1 });
  try {
    const offices = await sql.query<{ office_id: string }>(`SELECT DISTINCT office_id FROM audit_events WHERE hash IS NULL`);
    const sealed = [];
    for (const { office_id: officeId } of offices) sealed.push({ officeId, events: await sql.run((tx) => sealOffice(tx, officeId)) });
    return sealed;
  } finally {
    await sql.onModuleDestroy();
  }
}

async function sealOffice(sql: Pick<SqlTransactions, 'query'>, officeId: string): Promise<number> {
  await sql.query(`SELECT 1 FROM audit_chain_heads WHERE office_id = $1::uuid FOR UPDATE`, [officeId]);
  const rows = await sql.query<EventRow & { id: string }>(`SELECT id, ${EVENT_COLUMNS} FROM audit_events WHERE office_id = $1::uuid ORDER BY seq`, [officeId]);
  const chain = new ChainBuilder();
  let sealed = 0;
  for (const row of rows) {
    const line = chain.append(headerOfRow(row), canonicalJson(row.payload));
    if (line.seq !== Number(row.seq)) throw new Error(`office ${officeId}: event ${line.seq} is missing; the chain cannot be sealed over a gap`);
    if (row.hash !== null && row.hash !== line.hash) throw new Error(`office ${officeId}: event ${line.seq} does not match its hash; the chain cannot be sealed over a break`);
    if (row.hash !== null) continue;
    await sql.query(`UPDATE audit_events SET hash = decode($2, 'hex') WHERE id = $1::bigint`, [row.id, line.hash]);
    sealed++;
  }
  const last = rows.at(-1);
  if (last) await sql.query(`UPDATE audit_chain_heads SET last_hash = (SELECT hash FROM audit_events WHERE office_id = $1::uuid AND seq = $2::bigint) WHERE office_id = $1::uuid`, [officeId, last.seq]);
  return sealed;
}
