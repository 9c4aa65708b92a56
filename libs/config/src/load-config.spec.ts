import { apiConfigSchema, workerConfigSchema } from './config.schema';
import { ConfigurationError, loadConfig } from './load-config';

const complete = {
  DATABASE_URL: 'postgresql://kasian:pw@127.0.0.1:55432/kasian?schema=public',
  REDIS_URL: 'redis://127.0.0.1:56379',
  MINIO_ENDPOINT: 'http://127.0.0.1:59000',
  MINIO_ACCESS_KEY: 'kasian-minio',
  MINIO_SECRET_KEY: 'a-long-secret',
  OIDC_ISSUER: 'http://127.0.0.1:58080/realms/kasian',
  OIDC_AUDIENCE: 'kasian-api',
  AUDIT_PUBLIC_KEY_FILE: '/etc/kasian/audit-public-keys.pem',
};

function problemsOf(env: Record<string, string | undefined>) {
  try {
    loadConfig(apiConfigSchema, env);
  } catch (error) {
    if (error instanceof ConfigurationError) return error.problems;
    throw error;
  }
  return [];
}

describe('loadConfig', () => {
  it('accepts a complete environment and fills the defaults', () => {
    const config = loadConfig(apiConfigSchema, complete);
    expect(config).toMatchObject({ API_PORT: 3100, API_HOST: '127.0.0.1', STORAGE_BUCKET_EVIDENCE: 'kasian-evidence-v2', QUEUE_PREFIX: 'kasian' });
  });

  it.each(Object.keys(complete))('names %s when it is missing', (variable) => {
    const { [variable]: _removed, ...rest } = complete as Record<string, string>;
    expect(problemsOf(rest)).toEqual([{ variable, problem: 'is required but not set' }]);
  });

  it('treats an empty value as missing', () => {
    expect(problemsOf({ ...complete, OIDC_AUDIENCE: '' })).toEqual([{ variable: 'OIDC_AUDIENCE', problem: 'is required but not set' }]);
  });

  it('names malformed values with the reason', () => {
    const problems = problemsOf({ ...complete, REDIS_URL: 'localhost:6379', API_PORT: '70000', DATABASE_URL: 'mysql://x@y/z' });
    expect(problems.map((p) => p.variable).sort()).toEqual(['API_PORT', 'DATABASE_URL', 'REDIS_URL']);
    expect(problems.find((p) => p.variable === 'REDIS_URL')?.problem).toBe('must be a redis or rediss URL');
  });

  it('reads the allowed evidence kinds as a list and names an unknown kind', () => {
    expect(loadConfig(apiConfigSchema, complete).EVIDENCE_ALLOWED_TYPES).toEqual(['pdf', 'docx', 'xlsx', 'odt', 'ods', 'jpg', 'png']);
    expect(loadConfig(apiConfigSchema, { ...complete, EVIDENCE_ALLOWED_TYPES: 'PDF, png' }).EVIDENCE_ALLOWED_TYPES).toEqual(['pdf', 'png']);
    expect(problemsOf({ ...complete, EVIDENCE_ALLOWED_TYPES: 'pdf,exe' }).map((p) => p.variable)).toEqual(['EVIDENCE_ALLOWED_TYPES']);
    expect(problemsOf({ ...complete, EVIDENCE_MAX_FILE_MB: '0' }).map((p) => p.variable)).toEqual(['EVIDENCE_MAX_FILE_MB']);
  });

  it('puts every problem in one message, in English and Thai', () => {
    const { DATABASE_URL: _d, REDIS_URL: _r, ...rest } = complete;
    expect(() => loadConfig(workerConfigSchema, rest)).toThrow(/การตั้งค่าไม่ถูกต้อง[\s\S]*DATABASE_URL: is required[\s\S]*REDIS_URL: is required/);
  });
});
