import { spawnBuilt } from '../support/processes';

const entries = { api: 'dist/apps/api/src/main.js', worker: 'dist/apps/worker/src/main.js' };

describe.each(Object.entries(entries))('%s start-up with bad configuration', (_name, entry) => {
  it('exits non-zero and names a missing variable', async () => {
    const { DATABASE_URL: _missing, ...env } = process.env;
    const started = spawnBuilt(entry, env);
    expect(await started.exited).toEqual({ code: 78, signal: null });
    expect(started.output()).toMatch(/DATABASE_URL: is required but not set/);
  });

  it('exits non-zero and names a malformed variable', async () => {
    const started = spawnBuilt(entry, { ...process.env, REDIS_URL: 'localhost:6379' });
    expect(await started.exited).toEqual({ code: 78, signal: null });
    expect(started.output()).toMatch(/REDIS_URL: must be a redis or rediss URL/);
  });
});
