import { poolConfigOf } from './sql-transactions';

describe('poolConfigOf', () => {
  it("moves Prisma's ?schema= into the connection's search_path", () => {
    expect(poolConfigOf('postgresql://kasian:pw@127.0.0.1:55432/kasian?schema=public', 7)).toEqual({
      connectionString: 'postgresql://kasian:pw@127.0.0.1:55432/kasian',
      max: 7,
      options: '-c search_path="public"',
    });
  });

  it('keeps other parameters and sets no search_path without a schema', () => {
    expect(poolConfigOf('postgresql://kasian@db/kasian?sslmode=disable', 3)).toEqual({ connectionString: 'postgresql://kasian@db/kasian?sslmode=disable', max: 3 });
  });
});
