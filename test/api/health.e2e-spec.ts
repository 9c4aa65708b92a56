import { type RunningApi, startApi } from '../support/http';

describe('health and documentation', () => {
  let api: RunningApi;
  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(() => api.close());

  it('/health answers liveness without a token', async () => {
    const { status, body } = await api.call('/health');
    expect(status).toBe(200);
    expect(body.status).toBe('ok');
  });

  it('/health/ready sees PostgreSQL, Redis, MinIO and Keycloak each up', async () => {
    const { status, body } = await api.call('/health/ready');
    expect(status).toBe(200);
    expect(body.status).toBe('ok');
    for (const dependency of ['postgres', 'redis', 'minio', 'keycloak']) expect(body.details[dependency]?.status).toBe('up');
  });

  it('/health/ready names the dependency that is down and answers 503', async () => {
    const broken = await startApi({ OIDC_JWKS_URL: 'http://127.0.0.1:9/nothing-listens-here' });
    try {
      const { status, body } = await broken.call('/health/ready');
      expect(status).toBe(503);
      expect(body.details.keycloak.status).toBe('down');
      expect(body.details.postgres.status).toBe('up');
    } finally {
      await broken.close();
    }
  });

  it('serves the OpenAPI document at /docs-json and the UI at /docs', async () => {
    const json = await api.call('/docs-json');
    expect(json.status).toBe(200);
    expect(json.body.openapi).toMatch(/^3\./);
    expect(Object.keys(json.body.paths)).toEqual(expect.arrayContaining(['/me', '/health/ready', '/housekeeping/heartbeats']));
    const ui = await api.call('/docs');
    expect(ui.status).toBe(200);
    expect(String(ui.body)).toContain('swagger');
  });

  it('answers unknown routes with the error shape and a request id', async () => {
    const { status, body, headers } = await api.call('/no/such/route', { headers: { 'x-request-id': 'e2e-trace-1' } });
    expect(status).toBe(404);
    expect(body).toMatchObject({ code: 'ROUTE_NOT_FOUND', messageTh: expect.any(String), requestId: 'e2e-trace-1' });
    expect(headers.get('x-request-id')).toBe('e2e-trace-1');
  });
});
