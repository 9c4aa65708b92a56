import { splitSqlScript } from './sql-script';

describe('splitSqlScript', () => {
  it('splits at the semicolons that end statements', () => {
    expect(splitSqlScript('CREATE TABLE a (x int);\n\nALTER TABLE a ADD y int;  \n')).toEqual(['CREATE TABLE a (x int)', 'ALTER TABLE a ADD y int']);
  });

  it('keeps semicolons inside dollar-quoted bodies, quotes, identifiers and comments', () => {
    const fn = `CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  RAISE EXCEPTION 'no; never';
END $fn$`;
    const script = `${fn};
-- a comment; with a semicolon
SELECT 'it''s; fine', "odd;name" FROM t /* block; comment */;
DO $$ BEGIN PERFORM 1; END $$;`;
    expect(splitSqlScript(script)).toEqual([
      fn,
      `-- a comment; with a semicolon\nSELECT 'it''s; fine', "odd;name" FROM t /* block; comment */`,
      'DO $$ BEGIN PERFORM 1; END $$',
    ]);
  });

  it('leaves parameters like $1 alone and tolerates an unterminated span at the end', () => {
    expect(splitSqlScript('SELECT $1; SELECT 2')).toEqual(['SELECT $1', 'SELECT 2']);
    expect(splitSqlScript("SELECT 'open; quote")).toEqual(["SELECT 'open; quote"]);
  });
});
