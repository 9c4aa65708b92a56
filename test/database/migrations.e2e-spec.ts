import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dropDatabase, migrateDeploy, query, recreateDatabase } from '../support/database';
import { asOwner } from '../support/environment';

/** Constraints the migrations add by hand because Prisma's schema language cannot express them. */
const HAND_WRITTEN_CONSTRAINTS = [
  'position_assignments_one_substantive_holder',
  'position_assignments_period_check',
  'delegations_period_check',
  'delegations_not_to_itself_check',
  'delegations_outcomes_check',
  'document_versions_version_no_check',
  'register_counters_last_number_check',
  'register_entries_number_check',
  'register_entries_cancel_reason_check',
  'documents_search_text_trgm_idx',
  'ita_responsible_units_one_owner_check',
  'ita_evidence_links_one_owner_check',
  'ita_evidence_links_one_target_check',
  'ita_oit_items_occurrence_check',
  'ita_scores_score_check',
  'evidence_files_sha256_check',
  'evidence_files_size_check',
  'evidence_files_deleted_check',
  'evidence_files_unlocked_idx',
];

/** Tables shared by all offices on purpose. */
const REFERENCE_TABLES = ['ita_frameworks', 'ita_indicators', 'ita_oit_items'];

const STRUCTURE = {
  columns: `SELECT table_name, column_name, udt_name, is_nullable, column_default FROM information_schema.columns
             WHERE table_schema = 'public' AND table_name <> '_prisma_migrations' ORDER BY 1, 2`,
  indexes: `SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY 1`,
  constraints: `SELECT conname, pg_get_constraintdef(oid) AS definition FROM pg_constraint
                 WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text <> '_prisma_migrations' ORDER BY 1`,
};

const committed = readdirSync('prisma/migrations', { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

describe('committed migrations on a fresh PostgreSQL database', () => {
  const name = `kasian_migrate_${process.pid}`;
  let url: string;

  beforeAll(async () => {
    url = await recreateDatabase(name);
  });
  afterAll(() => dropDatabase(name));

  it('apply with `prisma migrate deploy`, every one recorded as finished', async () => {
    const result = migrateDeploy(url);
    expect(result.output).toContain('All migrations have been successfully applied');
    expect(result.status).toBe(0);

    const applied = await query<{ migration_name: string; finished_at: Date | null; rolled_back_at: Date | null }>(
      asOwner(url),
      'SELECT migration_name, finished_at, rolled_back_at FROM _prisma_migrations ORDER BY migration_name',
    );
    expect(applied.map((row) => row.migration_name)).toEqual(committed);
    expect(applied.every((row) => row.finished_at !== null && row.rolled_back_at === null)).toBe(true);
  });

  it('give every table of office data an office_id column (all but offices itself and the shared ITA frameworks)', async () => {
    const tables = await query<{ table_name: string; has_office_id: boolean }>(
      url,
      `SELECT t.table_name,
              EXISTS (SELECT 1 FROM information_schema.columns c
                       WHERE c.table_schema = t.table_schema AND c.table_name = t.table_name AND c.column_name = 'office_id') AS has_office_id
         FROM information_schema.tables t
        WHERE t.table_schema = 'public' AND t.table_type = 'BASE TABLE' AND t.table_name NOT IN ('_prisma_migrations', 'offices')
        ORDER BY t.table_name`,
    );
    expect(tables.length).toBeGreaterThanOrEqual(4);
    // A year's ITA framework is published by ป.ป.ช. for every office alike (ADR 0013): reference data, no office.
    expect(tables.filter((table) => REFERENCE_TABLES.includes(table.table_name)).map((table) => [table.table_name, table.has_office_id])).toEqual(REFERENCE_TABLES.map((name) => [name, false]));
    tables.splice(0, tables.length, ...tables.filter((table) => !REFERENCE_TABLES.includes(table.table_name)));
    expect(tables.filter((table) => !table.has_office_id).map((table) => table.table_name)).toEqual([]);
  });

  it('produce exactly what prisma/schema.prisma describes, plus the hand-written constraints', async () => {
    const fromSchema = await recreateDatabase(`${name}_schema`);
    try {
      const generated = spawnSync('bash', ['scripts/prisma.sh', 'migrate', 'diff', '--from-empty', '--to-schema-datamodel', 'prisma/schema.prisma', '--script'], {
        env: { ...process.env, DATABASE_URL: fromSchema },
        encoding: 'utf8',
      });
      expect(generated.status).toBe(0);
      await query(asOwner(fromSchema), generated.stdout);

      // As the owner: information_schema shows a role only the tables it has privileges on.
      const [migrated, described] = [asOwner(url), asOwner(fromSchema)];
      expect(await query(migrated, STRUCTURE.columns)).toEqual(await query(described, STRUCTURE.columns));
      const handWritten = (row: { indexname?: string; conname?: string }) => HAND_WRITTEN_CONSTRAINTS.includes(row.indexname ?? row.conname ?? '');
      for (const kind of ['indexes', 'constraints'] as const) {
        const rows = await query<{ indexname?: string; conname?: string }>(migrated, STRUCTURE[kind]);
        expect(rows.filter((row) => !handWritten(row))).toEqual(await query(described, STRUCTURE[kind]));
      }
      const names = [
        ...(await query<{ conname: string }>(migrated, STRUCTURE.constraints)).map((row) => row.conname),
        ...(await query<{ indexname: string }>(migrated, STRUCTURE.indexes)).map((row) => row.indexname),
      ];
      expect(names).toEqual(expect.arrayContaining(HAND_WRITTEN_CONSTRAINTS));
    } finally {
      await dropDatabase(`${name}_schema`);
    }
  });

  it('is a no-op the second time', () => {
    const again = migrateDeploy(url);
    expect(again.status).toBe(0);
    expect(again.output).toContain('No pending migrations to apply');
  });

  it('refuses two substantive holders of one position at the same time', async () => {
    const [office] = await query<{ id: string }>(
      url,
      `INSERT INTO offices (id, code, kind, name_th, updated_at) VALUES (gen_random_uuid(), 'x', 'SUBDISTRICT_MUNICIPALITY', 'เทศบาลตำบลทดสอบ', now()) RETURNING id`,
    );
    const [position] = await query<{ id: string }>(
      url,
      `INSERT INTO positions (id, office_id, code, kind, title_th, updated_at) VALUES (gen_random_uuid(), $1, 'palad', 'PERMANENT_SECRETARY', 'ปลัดเทศบาล', now()) RETURNING id`,
      [office.id],
    );
    const people = await query<{ id: string }>(
      url,
      `INSERT INTO people (id, office_id, given_name, surname, updated_at) VALUES
         (gen_random_uuid(), $1, 'หนึ่ง', 'ทดสอบ', now()), (gen_random_uuid(), $1, 'สอง', 'ทดสอบ', now()) RETURNING id`,
      [office.id],
    );
    const assign = (personId: string, from: string, to: string | null) =>
      query(
        url,
        `INSERT INTO position_assignments (id, office_id, person_id, position_id, starts_at, ends_at) VALUES (gen_random_uuid(), $1, $2, $3, $4, $5)`,
        [office.id, personId, position.id, from, to],
      );
    await assign(people[0].id, '2025-10-01T00:00:00+07:00', '2026-10-01T00:00:00+07:00');
    await expect(assign(people[1].id, '2026-03-01T00:00:00+07:00', null)).rejects.toThrow(/position_assignments_one_substantive_holder/);
    await expect(assign(people[1].id, '2026-10-01T00:00:00+07:00', null)).resolves.toBeDefined();
  });
});
