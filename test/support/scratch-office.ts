import { randomUUID } from 'node:crypto';
import type { PrismaService } from '@kasian/database';
import { DEMO_PASSWORD } from '../../apps/api/src/demo/patueng';
import { keycloakAdmin, tokenFor } from './keycloak';

export interface ScratchPerson {
  username: string;
  givenName: string;
  position?: string;
  roles: string[];
}

export interface ScratchOffice {
  officeId: string;
  code: string;
  positions: Map<string, string>;
  people: Map<string, string>;
  token(username: string): Promise<string>;
  /** Removes the office's Keycloak users (the database is recreated on every run). */
  dispose(): Promise<void>;
}

/**
 * An office of its own with real Keycloak users, so a test can publish templates and grants
 * without touching the demo office. Positions are made from codes; people hold them from a year ago.
 */
export async function scratchOfficeWithStaff(prisma: PrismaService, positions: string[], people: ScratchPerson[]): Promise<ScratchOffice> {
  const code = `e2e${randomUUID().slice(0, 8)}`;
  const office = await prisma.office.create({ data: { code, kind: 'SUBDISTRICT_MUNICIPALITY', nameTh: `เทศบาลตำบลทดสอบ ${code}` } });
  const positionIds = new Map<string, string>();
  for (const position of positions) {
    const row = await prisma.position.create({ data: { officeId: office.id, code: position, kind: 'UNIT_HEAD', titleTh: `ตำแหน่ง ${position}` } });
    positionIds.set(position, row.id);
  }
  const admin = keycloakAdmin();
  const personIds = new Map<string, string>();
  const tokens = new Map<string, string>();
  const subjects: string[] = [];
  const yearAgo = new Date(Date.now() - 365 * 24 * 3600 * 1000);
  for (const person of people) {
    const username = `${code}-${person.username}`;
    const user = await admin.createUser({
      username,
      email: `${username}@e2e.kasian.local`,
      firstName: person.givenName,
      lastName: 'ทดสอบ',
      attributes: { office: [code] },
      password: DEMO_PASSWORD,
      realmRoles: person.roles,
    });
    subjects.push(user.id);
    const row = await prisma.person.create({
      data: { officeId: office.id, honorific: 'นาย', givenName: person.givenName, surname: 'ทดสอบ', subject: user.id, username },
    });
    personIds.set(person.username, row.id);
    if (person.position) {
      await prisma.positionAssignment.create({
        data: { officeId: office.id, personId: row.id, positionId: positionIds.get(person.position)!, capacity: 'SUBSTANTIVE', startsAt: yearAgo },
      });
    }
  }
  return {
    officeId: office.id,
    code,
    positions: positionIds,
    people: personIds,
    async token(username: string) {
      if (!tokens.has(username)) tokens.set(username, await tokenFor(`${code}-${username}`));
      return tokens.get(username)!;
    },
    async dispose() {
      for (const id of subjects) await admin.deleteUser(id);
    },
  };
}
