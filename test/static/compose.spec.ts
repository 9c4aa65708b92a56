import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

/** deploy/versions.env is what scripts/services.sh pins natively; docker-compose.yml must agree with it. */
function pins(): Record<string, string> {
  return Object.fromEntries(
    readFileSync('deploy/versions.env', 'utf8')
      .split('\n')
      .filter((line) => /^[A-Z_]+=/.test(line))
      .map((line) => line.split(/=(.*)/s).slice(0, 2) as [string, string]),
  );
}

interface ComposeService {
  image?: string;
  build?: { args?: Record<string, string> } | string;
  ports?: string[];
  volumes?: string[];
  command?: string[];
  environment?: Record<string, string>;
}

const compose = parse(readFileSync('docker-compose.yml', 'utf8'), { merge: true }) as { services: Record<string, ComposeService> };
const services = compose.services;
const pinned = pins();

const imageTag = (name: string) => services[name].image!.split(':')[1];
const hostPorts = (name: string) => services[name].ports!.map((port) => port.split(':').at(-2));
const environmentOf = (name: string) => services[name].environment ?? {};

describe('docker-compose.yml matches the native pins in deploy/versions.env', () => {
  it('runs the same Keycloak version', () => {
    expect(imageTag('keycloak')).toBe(pinned.KEYCLOAK_VERSION);
  });

  it('builds MinIO from the same module version', () => {
    expect((services.minio.build as { args: Record<string, string> }).args.MINIO_VERSION).toBe(pinned.MINIO_VERSION);
    expect(readFileSync('scripts/services.sh', 'utf8')).toMatch(/install "github.com\/minio\/minio@\$MINIO_VERSION"/);
  });

  it('runs the same PostgreSQL and Redis majors', () => {
    expect(imageTag('postgres').split(/[.-]/)[0]).toBe(pinned.POSTGRES_MAJOR);
    expect(imageTag('redis').split(/[.-]/)[0]).toBe(pinned.REDIS_MAJOR);
  });

  it('publishes the same host ports', () => {
    expect(hostPorts('postgres')).toEqual([pinned.KASIAN_PG_PORT]);
    expect(hostPorts('redis')).toEqual([pinned.KASIAN_REDIS_PORT]);
    expect(hostPorts('minio')).toEqual([pinned.KASIAN_MINIO_PORT, pinned.KASIAN_MINIO_CONSOLE_PORT]);
    expect(hostPorts('keycloak')).toEqual([pinned.KASIAN_KEYCLOAK_PORT, pinned.KASIAN_KEYCLOAK_MGMT_PORT]);
  });

  it('imports the same realm file the native script imports', () => {
    const realmMount = services.keycloak.volumes!.find((volume) => volume.includes('kasian-realm.json'));
    expect(realmMount?.split(':')[0]).toBe('./deploy/keycloak/kasian-realm.json');
    expect(readFileSync('scripts/services.sh', 'utf8')).toContain('deploy/keycloak/kasian-realm.json');
    expect(services.keycloak.command).toContain('--import-realm');
  });

  it('uses the same credentials and database names', () => {
    expect(environmentOf('postgres').POSTGRES_PASSWORD).toBe(pinned.KASIAN_PG_SUPERUSER_PASSWORD);
    expect(environmentOf('minio')).toEqual({ MINIO_ROOT_USER: pinned.KASIAN_MINIO_ROOT_USER, MINIO_ROOT_PASSWORD: pinned.KASIAN_MINIO_ROOT_PASSWORD });
    expect(environmentOf('keycloak').KC_DB_PASSWORD).toBe(pinned.KASIAN_KC_DB_PASSWORD);
    const database = new URL(environmentOf('api').DATABASE_URL);
    expect([database.username, database.password, database.pathname.slice(1)]).toEqual([
      pinned.KASIAN_DB_USER,
      pinned.KASIAN_DB_PASSWORD,
      pinned.KASIAN_DB_NAME,
    ]);
    const init = readFileSync('deploy/postgres/init.sql', 'utf8');
    expect(init).toContain(`PASSWORD '${pinned.KASIAN_DB_PASSWORD}'`);
    expect(init).toContain(`CREATE ROLE ${pinned.KASIAN_DB_OWNER_USER} LOGIN CREATEDB PASSWORD '${pinned.KASIAN_DB_OWNER_PASSWORD}'`);
    expect(init).toContain(`CREATE DATABASE ${pinned.KASIAN_DB_NAME} OWNER ${pinned.KASIAN_DB_OWNER_USER}`);
    expect(init).toContain(`PASSWORD '${pinned.KASIAN_KC_DB_PASSWORD}'`);
  });

  it('migrates as the owner role, as npm start does, never as the application role (ADR 0015)', () => {
    const owner = new URL(environmentOf('migrate').DATABASE_OWNER_URL);
    expect([owner.username, owner.password]).toEqual([pinned.KASIAN_DB_OWNER_USER, pinned.KASIAN_DB_OWNER_PASSWORD]);
    expect(services.migrate.command).toEqual(['bash', 'scripts/migrate.sh']);
    expect(readFileSync('scripts/start.sh', 'utf8')).toContain('bash scripts/migrate.sh');
  });

  it('runs api and worker from the repository Dockerfile with the same entry points as npm start', () => {
    expect(services.api.command).toEqual(['node', 'dist/apps/api/src/main.js']);
    expect(services.worker.command).toEqual(['node', 'dist/apps/worker/src/main.js']);
    expect(readFileSync('scripts/start.sh', 'utf8')).toContain('dist/apps/$app/src/main.js');
  });
});
