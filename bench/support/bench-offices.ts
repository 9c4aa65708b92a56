import { randomUUID } from 'node:crypto';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@prisma/client';
import { KeycloakAdminClient, passwordGrant } from '@kasian/auth';
import { DEMO_PASSWORD } from '../../apps/api/src/demo/patueng';
import { inPool, requireEnv } from './bench-env';

export const APPROVER_POSITIONS = ['P1', 'P2', 'P3', 'P4'] as const;
const POSITIONS = ['W', ...APPROVER_POSITIONS];
const STAFF = [
  { user: 'writer', position: 'W', roles: ['staff'] },
  ...APPROVER_POSITIONS.map((position) => ({ user: position.toLowerCase(), position, roles: ['official'] })),
  { user: 'admin', position: null, roles: ['admin'] },
];

export interface BenchOffice {
  officeId: string;
  code: string;
  positions: Map<string, string>;
  /** Keycloak username of the office's writer, p1..p4 and admin. */
  username(user: string): string;
}

export interface BenchStaff {
  offices: BenchOffice[];
  token(username: string): string;
  /** Fetches real access tokens (password grant) for every user; untimed, before each measured phase. */
  refreshTokens(): Promise<void>;
  dispose(): Promise<void>;
}

function keycloakAdmin(): KeycloakAdminClient {
  return new KeycloakAdminClient({
    baseUrl: requireEnv('KEYCLOAK_URL'),
    realm: requireEnv('KEYCLOAK_REALM'),
    adminUser: requireEnv('KEYCLOAK_ADMIN_USER'),
    adminPassword: requireEnv('KEYCLOAK_ADMIN_PASSWORD'),
  });
}

async function createOffice(prisma: PrismaClient, code: string): Promise<BenchOffice> {
  const office = await prisma.office.create({ data: { code, kind: 'SUBDISTRICT_MUNICIPALITY', nameTh: `เทศบาลตำบลทดสอบสมรรถนะ ${code}` } });
  const positions = new Map<string, string>();
  for (const position of POSITIONS) {
    const row = await prisma.position.create({ data: { officeId: office.id, code: position, kind: 'UNIT_HEAD', titleTh: `ตำแหน่ง ${position}` } });
    positions.set(position, row.id);
  }
  return { officeId: office.id, code, positions, username: (user) => `${code}-${user}` };
}

/** `count` offices, each with a writer, four approvers in positions P1..P4 and an admin, all real Keycloak users. */
export async function createBenchStaff(databaseUrl: string, count: number): Promise<BenchStaff> {
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl }) });
  const admin = keycloakAdmin();
  const run = randomUUID().slice(0, 6);
  const subjects: string[] = [];
  const tokens = new Map<string, string>();
  const offices: BenchOffice[] = [];
  try {
    for (let i = 0; i < count; i++) offices.push(await createOffice(prisma, `bench${run}o${String(i).padStart(2, '0')}`));
    const yearAgo = new Date(Date.now() - 365 * 24 * 3600 * 1000);
    const people = offices.flatMap((office) => STAFF.map((person) => ({ office, person })));
    await inPool(people, 4, async ({ office, person }) => {
      const username = office.username(person.user);
      const user = await admin.createUser({
        username,
        email: `${username}@bench.kasian.local`,
        firstName: `${person.user}`,
        lastName: 'สมรรถนะ',
        attributes: { office: [office.code] },
        password: DEMO_PASSWORD,
        realmRoles: person.roles,
      });
      subjects.push(user.id);
      const row = await prisma.person.create({
        data: { officeId: office.officeId, honorific: 'นาย', givenName: person.user, surname: 'สมรรถนะ', subject: user.id, username },
      });
      if (person.position) {
        await prisma.positionAssignment.create({
          data: { officeId: office.officeId, personId: row.id, positionId: office.positions.get(person.position)!, capacity: 'SUBSTANTIVE', startsAt: yearAgo },
        });
      }
    });
  } catch (error) {
    for (const id of subjects) await admin.deleteUser(id).catch(() => undefined);
    throw error;
  } finally {
    await prisma.$disconnect();
  }
  const usernames = offices.flatMap((office) => STAFF.map((person) => office.username(person.user)));
  return {
    offices,
    token(username) {
      const token = tokens.get(username);
      if (!token) throw new Error(`no token for ${username}`);
      return token;
    },
    async refreshTokens() {
      const client = { clientId: requireEnv('OIDC_CLIENT_ID'), clientSecret: requireEnv('OIDC_CLIENT_SECRET') };
      await inPool(usernames, 4, async (username) => {
        const { accessToken } = await passwordGrant({ issuer: requireEnv('OIDC_ISSUER'), ...client, username, password: DEMO_PASSWORD });
        tokens.set(username, accessToken);
      });
    },
    async dispose() {
      await inPool(subjects, 4, (id) => admin.deleteUser(id));
    },
  };
}
