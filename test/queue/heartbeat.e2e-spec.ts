import { randomUUID } from 'node:crypto';
import { e2eDatabaseUrl } from '../support/env';
import { type RunningApi, startApi } from '../support/http';
import { tokenFor } from '../support/keycloak';
import { type Spawned, spawnBuilt, waitForHttp } from '../support/processes';

describe('api → Redis → worker', () => {
  // A prefix of its own, so that an api or worker started by `npm start` on the same Redis cannot take the job.
  const queuePrefix = `e2e-${randomUUID().slice(0, 8)}`;
  const workerHealthPort = 30_000 + Math.floor(Math.random() * 20_000);
  let api: RunningApi;
  let worker: Spawned;

  beforeAll(async () => {
    worker = spawnBuilt('dist/apps/worker/src/main.js', {
      ...process.env,
      DATABASE_URL: e2eDatabaseUrl(),
      QUEUE_PREFIX: queuePrefix,
      WORKER_HEALTH_PORT: String(workerHealthPort),
      LOG_LEVEL: 'info',
    });
    await waitForHttp(`http://127.0.0.1:${workerHealthPort}/health/ready`, 30_000).catch((error) => {
      throw new Error(`${error.message}\nworker output:\n${worker.output()}`);
    });
    api = await startApi({ QUEUE_PREFIX: queuePrefix });
  });

  afterAll(async () => {
    await api?.close();
    // Graceful shutdown: Nest closes the queues and the health server, then re-raises SIGTERM.
    const exit = await worker?.stop();
    expect(exit?.code === 0 || exit?.signal === 'SIGTERM').toBe(true);
  });

  it('a heartbeat enqueued through the API is completed by the worker process', async () => {
    const token = await tokenFor('officeadmin');
    const enqueued = await api.call('/housekeeping/heartbeats', { method: 'POST', token });
    expect(enqueued.status).toBe(202);
    const { jobId, nonce } = enqueued.body;

    let job = await api.call(`/housekeeping/jobs/${jobId}`, { token });
    for (let tries = 0; job.body.state !== 'completed' && job.body.state !== 'failed' && tries < 100; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      job = await api.call(`/housekeeping/jobs/${jobId}`, { token });
    }
    expect(job.body).toMatchObject({ state: 'completed', name: 'heartbeat', failedReason: null });
    expect(job.body.result).toMatchObject({ nonce, worker: { pid: worker.child.pid } });
    expect(worker.output()).toContain('"msg":"heartbeat"');
  });

  it('an unknown job id → 404 NOT_FOUND in both languages', async () => {
    const { status, body } = await api.call('/housekeeping/jobs/999999999', { token: await tokenFor('officeadmin') });
    expect(status).toBe(404);
    expect(body).toMatchObject({ code: 'NOT_FOUND', messageTh: 'ไม่พบงานในคิว' });
  });

  it('the worker answers its own health checks', async () => {
    const response = await fetch(`http://127.0.0.1:${workerHealthPort}/health/ready`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ service: 'worker', details: { postgres: { status: 'up' }, redis: { status: 'up' } } });
  });
});
