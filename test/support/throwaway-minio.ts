import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../bench/support/api-process';

/** The MinIO binary scripts/services.sh built (same version as the shared one). */
function minioBinary(): string {
  const version = /^MINIO_VERSION=(.+)$/m.exec(readFileSync('deploy/versions.env', 'utf8'))![1].trim();
  const cache = process.env.KASIAN_CACHE_DIR ?? join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'kasian');
  const binary = join(cache, 'minio', version, 'minio');
  if (!existsSync(binary)) throw new Error(`${binary} is missing: run \`npm run services -- up\` once to build MinIO`);
  return binary;
}

export interface ThrowawayMinio {
  /** MINIO_ENDPOINT and credentials for a config override. */
  settings: Record<string, string>;
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Stops it and deletes its data directory. */
  dispose(): Promise<void>;
}

/**
 * A MinIO of the test's own (own port, own data directory), so a test may stop it mid-upload
 * without touching the shared one everybody else is using.
 */
export async function throwawayMinio(): Promise<ThrowawayMinio> {
  const binary = minioBinary();
  const dataDir = mkdtempSync(join(tmpdir(), 'kasian-minio-'));
  const port = await freePort();
  const consolePort = await freePort();
  const credentials = { MINIO_ACCESS_KEY: 'throwaway', MINIO_SECRET_KEY: 'throwaway-secret' };
  let child: ChildProcess | null = null;

  const start = async () => {
    child = spawn(binary, ['server', dataDir, '--address', `127.0.0.1:${port}`, '--console-address', `127.0.0.1:${consolePort}`], {
      env: { PATH: process.env.PATH, HOME: process.env.HOME, MINIO_ROOT_USER: credentials.MINIO_ACCESS_KEY, MINIO_ROOT_PASSWORD: credentials.MINIO_SECRET_KEY, MINIO_UPDATE: 'off' },
      stdio: 'ignore',
    });
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`throwaway MinIO exited with ${child.exitCode}`);
      if (await fetch(`http://127.0.0.1:${port}/minio/health/ready`).then((r) => r.ok, () => false)) return;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error('throwaway MinIO not ready after 30 s');
  };
  const stop = async () => {
    const running = child;
    child = null;
    if (!running || running.exitCode !== null) return;
    const exited = new Promise((resolve) => running.once('exit', resolve));
    running.kill('SIGKILL');
    await exited;
  };
  await start();
  return {
    settings: { MINIO_ENDPOINT: `http://127.0.0.1:${port}`, ...credentials },
    start,
    stop,
    async dispose() {
      await stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
